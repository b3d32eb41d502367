import { OneOnOne, type OneOnOneCreateInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { idempotencyHeader } from '../../../shared/api/submission-key.ts';
import { dialogueKeys } from './keys.ts';

/** `POST /api/one-on-ones` with the submission's `Idempotency-Key`: a double tap records it once. */
export function recordOneOnOne(input: OneOnOneCreateInput, idempotencyKey: string): Promise<OneOnOne> {
  return apiFetch('/api/one-on-ones', {
    method: 'POST',
    json: input,
    headers: idempotencyHeader(idempotencyKey),
    schema: OneOnOne,
  });
}

export function useRecordOneOnOne() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: OneOnOneCreateInput; idempotencyKey: string }) =>
      recordOneOnOne(input, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dialogueKeys.all }),
  });
}
