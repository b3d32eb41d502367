import {
  Survey,
  type SurveyCreate,
  SurveyPage,
  SurveyReminderResult,
  type SurveyUpdate,
} from '@portal/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { surveyKeys } from './keys.ts';

/** `GET /api/surveys`: HR every round; others the rounds open to them (and those whose results they read). */
export function getSurveys(signal?: AbortSignal): Promise<SurveyPage> {
  return apiFetch('/api/surveys?pageSize=100', { schema: SurveyPage, ...(signal ? { signal } : {}) });
}
export function surveysQueryOptions() {
  return queryOptions({ queryKey: surveyKeys.list('all'), queryFn: ({ signal }) => getSurveys(signal) });
}
export function useSurveys() {
  return useQuery(surveysQueryOptions());
}

/** `GET /api/surveys/{id}` */
export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.detail(id ?? 'new'),
    queryFn: ({ signal }) =>
      apiFetch(`/api/surveys/${encodeURIComponent(id ?? '')}`, { schema: Survey, signal }),
    enabled: !!id,
  });
}

/** `POST /api/surveys` (Idempotency-Key) or `PUT /api/surveys/{id}` (versioned; opens and closes a round). */
export function useSaveSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      input: SurveyCreate;
      target: { id: string; version: number; status: SurveyUpdate['status'] } | { idempotencyKey: string };
    }) =>
      'id' in v.target
        ? apiFetch(`/api/surveys/${v.target.id}`, {
            method: 'PUT',
            json: { ...v.input, version: v.target.version, status: v.target.status },
            schema: Survey,
          })
        : apiFetch('/api/surveys', {
            method: 'POST',
            json: v.input,
            headers: { 'idempotency-key': v.target.idempotencyKey },
            schema: Survey,
          }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

/** `POST /api/surveys/{id}/reminders` (HR): reminds those who have not answered; says only how many. */
export function useRemind(id: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/surveys/${encodeURIComponent(id)}/reminders`, {
        method: 'POST',
        schema: SurveyReminderResult,
      }),
  });
}
