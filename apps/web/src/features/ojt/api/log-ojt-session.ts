import {
  OjtSession,
  OjtSessionBatch,
  type OjtSessionBatchCreateInput,
  type OjtSessionCreateInput,
} from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

export type LogOjtInput = Omit<OjtSessionCreateInput, 'traineeId'> & { traineeIds: string[] };

/**
 * `POST /api/ojt-sessions` for one trainee, `POST /api/ojt-sessions/batch` for several (all or
 * none). The `Idempotency-Key` is the form submission's: a double tap or a retry after a lost answer
 * sends the same key, and the API creates the sessions once.
 */
export async function logOjtSession(input: LogOjtInput, idempotencyKey: string): Promise<OjtSession[]> {
  const headers = { 'idempotency-key': idempotencyKey };
  const { traineeIds, ...fields } = input;
  if (traineeIds.length === 1) {
    const body: OjtSessionCreateInput = { ...fields, traineeId: traineeIds[0] ?? '' };
    return [await apiFetch('/api/ojt-sessions', { method: 'POST', json: body, headers, schema: OjtSession })];
  }
  const body: OjtSessionBatchCreateInput = { ...fields, traineeIds };
  const batch = await apiFetch('/api/ojt-sessions/batch', {
    method: 'POST',
    json: body,
    headers,
    schema: OjtSessionBatch,
  });
  return batch.items;
}

export function useLogOjtSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: LogOjtInput; idempotencyKey: string }) =>
      logOjtSession(input, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ojtKeys.all }),
  });
}
