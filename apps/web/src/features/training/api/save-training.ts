import { Training, type TrainingInput, TrainingSession, type TrainingSessionInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { trainingKeys } from './keys.ts';

/** `POST /api/trainings` (with the form submission's Idempotency-Key) or `PUT /api/trainings/{id}` (versioned). */
export function saveTraining(
  input: TrainingInput,
  target: { id: string; version: number } | { idempotencyKey: string },
): Promise<Training> {
  if ('id' in target) {
    return apiFetch(`/api/trainings/${target.id}`, {
      method: 'PUT',
      json: { ...input, version: target.version },
      schema: Training,
    });
  }
  return apiFetch('/api/trainings', {
    method: 'POST',
    json: input,
    headers: { 'idempotency-key': target.idempotencyKey },
    schema: Training,
  });
}

export function useSaveTraining() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { input: TrainingInput; target: Parameters<typeof saveTraining>[1] }) =>
      saveTraining(v.input, v.target),
    // not awaited: the caller's own onSuccess runs at once, before a refetch may unmount its form
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });
}

export type SessionChange = TrainingSessionInput & { status?: 'scheduled' | 'cancelled' };

/** `POST /api/trainings/{id}/sessions` or `PUT /api/training-sessions/{id}` (versioned). */
export function saveSession(
  input: SessionChange,
  target: { trainingId: string; idempotencyKey: string } | { sessionId: string; version: number },
): Promise<TrainingSession> {
  if ('sessionId' in target) {
    return apiFetch(`/api/training-sessions/${target.sessionId}`, {
      method: 'PUT',
      json: { ...input, version: target.version },
      schema: TrainingSession,
    });
  }
  return apiFetch(`/api/trainings/${target.trainingId}/sessions`, {
    method: 'POST',
    json: input,
    headers: { 'idempotency-key': target.idempotencyKey },
    schema: TrainingSession,
  });
}

export function useSaveSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { input: SessionChange; target: Parameters<typeof saveSession>[1] }) =>
      saveSession(v.input, v.target),
    // not awaited: the caller's own onSuccess runs at once, before a refetch may unmount its form
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all });
    },
  });
}
