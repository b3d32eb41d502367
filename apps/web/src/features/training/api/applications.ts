import {
  TrainingApplication,
  TrainingApplicationPage,
  TrainingAssignmentBatchPage,
  TrainingAssignmentPreview,
  TrainingAssignmentResult,
  TrainingAssignmentUndoResult,
  type TrainingAttendanceRequest,
  TrainingBulkDecisionResult,
  TrainingSessionRoster,
} from '@portal/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { trainingKeys } from './keys.ts';

/** `GET /api/applications?…`: mine (`mine=true`) or an inbox (`inbox=supervisor|practice|acceptance`). */
export function applicationsQueryOptions(params: string) {
  return queryOptions({
    queryKey: trainingKeys.applications(params),
    queryFn: ({ signal }) =>
      apiFetch(`/api/applications?${params}`, { schema: TrainingApplicationPage, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useApplications(params: string, enabled = true) {
  return useQuery({ ...applicationsQueryOptions(params), enabled });
}

/** `GET /api/training-sessions/{id}/roster` (HR, the owning bureau) */
export function rosterQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: trainingKeys.roster(sessionId),
    queryFn: ({ signal }) =>
      apiFetch(`/api/training-sessions/${sessionId}/roster`, { schema: TrainingSessionRoster, signal }),
  });
}

export function useRoster(sessionId: string) {
  return useQuery(rosterQueryOptions(sessionId));
}

/** The export's address: the browser downloads it with the session cookie. */
export const rosterExportHref = (sessionId: string, format: 'csv' | 'xlsx') =>
  `/api/training-sessions/${sessionId}/roster/export?format=${format}`;

/** Every write of an application invalidates the whole feature: lists, sessions, rosters, the catalogue. */
function useTrainingMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // not awaited: the caller's own onSuccess runs at once, before a refetch may unmount its form
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });
}

const post = (url: string, json: unknown, headers?: Record<string, string>) =>
  apiFetch(url, { method: 'POST', json, schema: TrainingApplication, ...(headers ? { headers } : {}) });

/** `POST /api/training-sessions/{id}/applications` with the submission's Idempotency-Key */
export function useApply() {
  return useTrainingMutation((v: { sessionId: string; reason: string; idempotencyKey: string }) =>
    post(
      `/api/training-sessions/${v.sessionId}/applications`,
      { reason: v.reason },
      {
        'idempotency-key': v.idempotencyKey,
      },
    ),
  );
}

export type DecisionKind = 'approve' | 'decline' | 'accept' | 'reject';

/** `POST /api/applications/{id}/decision` */
export function useDecide() {
  return useTrainingMutation((v: { id: string; decision: DecisionKind; reason: string; version: number }) =>
    post(`/api/applications/${v.id}/decision`, {
      decision: v.decision,
      reason: v.reason,
      version: v.version,
    }),
  );
}

/** `POST /api/applications/{id}/withdraw` */
export function useWithdraw() {
  return useTrainingMutation((v: { id: string; version: number }) =>
    post(`/api/applications/${v.id}/withdraw`, { version: v.version }),
  );
}

/** `POST /api/applications/{id}/feedback` */
export function useFeedback() {
  return useTrainingMutation((v: { id: string; satisfaction: number; usefulness: number; comment: string }) =>
    post(`/api/applications/${v.id}/feedback`, {
      satisfaction: v.satisfaction,
      usefulness: v.usefulness,
      comment: v.comment,
    }),
  );
}

/** `POST /api/applications/{id}/practice-report` */
export function usePracticeReport() {
  return useTrainingMutation((v: { id: string; body: string }) =>
    post(`/api/applications/${v.id}/practice-report`, { body: v.body }),
  );
}

/** `POST /api/applications/{id}/practice-report/confirm` */
export function useConfirmPractice() {
  return useTrainingMutation((v: { id: string; comment: string }) =>
    post(`/api/applications/${v.id}/practice-report/confirm`, { comment: v.comment }),
  );
}

/** `POST /api/training-sessions/{id}/attendance`: many rows at once, each with the version read */
export function useRecordAttendance() {
  return useTrainingMutation((v: { sessionId: string; body: TrainingAttendanceRequest }) =>
    apiFetch(`/api/training-sessions/${v.sessionId}/attendance`, {
      method: 'POST',
      json: v.body,
      schema: TrainingSessionRoster,
    }),
  );
}

/** `POST /api/trainings/{id}/assignments`: everyone of the grades into a session */
export function useAssign() {
  return useTrainingMutation(
    (v: { trainingId: string; sessionId: string; gradeIds: string[]; idempotencyKey: string }) =>
      apiFetch(`/api/trainings/${v.trainingId}/assignments`, {
        method: 'POST',
        json: { sessionId: v.sessionId, gradeIds: v.gradeIds },
        headers: { 'idempotency-key': v.idempotencyKey },
        schema: TrainingAssignmentResult,
      }),
  );
}

/** `POST /api/trainings/{id}/assignments/preview`: what an enrolment would do (reads only) */
export function useAssignPreview(trainingId: string, sessionId: string, gradeIds: string[]) {
  const sorted = [...gradeIds].sort();
  return useQuery({
    queryKey: trainingKeys.assignPreview(trainingId, sessionId, sorted),
    queryFn: ({ signal }) =>
      apiFetch(`/api/trainings/${trainingId}/assignments/preview`, {
        method: 'POST',
        json: { sessionId, gradeIds: sorted },
        schema: TrainingAssignmentPreview,
        signal,
      }),
    enabled: !!sessionId && sorted.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/trainings/{id}/assignment-batches`: the course's bulk enrolments, newest first */
export function useAssignmentBatches(trainingId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: trainingKeys.assignmentBatches(trainingId, page),
    queryFn: ({ signal }) =>
      apiFetch(`/api/trainings/${trainingId}/assignment-batches?page=${page}&pageSize=${pageSize}`, {
        schema: TrainingAssignmentBatchPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/training-assignment-batches/{id}/undo` */
export function useUndoAssignment() {
  return useTrainingMutation((v: { batchId: string }) =>
    apiFetch(`/api/training-assignment-batches/${v.batchId}/undo`, {
      method: 'POST',
      schema: TrainingAssignmentUndoResult,
    }),
  );
}

/** `POST /api/training-applications/bulk-decisions`: many approvals or acceptances, each decided alone */
export function useBulkDecide() {
  return useTrainingMutation(
    (v: {
      decision: 'approve' | 'accept';
      items: { id: string; version: number }[];
      idempotencyKey: string;
    }) =>
      apiFetch('/api/training-applications/bulk-decisions', {
        method: 'POST',
        json: { decision: v.decision, items: v.items },
        headers: { 'idempotency-key': v.idempotencyKey },
        schema: TrainingBulkDecisionResult,
      }),
  );
}
