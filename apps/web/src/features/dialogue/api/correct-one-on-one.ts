import { OneOnOne, type OneOnOneUpdateInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `PUT /api/one-on-ones/{id}`: the author's correction (versioned: a stale one is a 409). */
export function correctOneOnOne(id: string, input: OneOnOneUpdateInput): Promise<OneOnOne> {
  return apiFetch(`/api/one-on-ones/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: input,
    schema: OneOnOne,
  });
}

/** `DELETE /api/one-on-ones/{id}?version=`: the author deletes one the person has not acknowledged. */
export function deleteOneOnOne(id: string, version: number): Promise<void> {
  return apiFetch(`/api/one-on-ones/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' }).then(
    () => undefined,
  );
}

export function useCorrectOneOnOne(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OneOnOneUpdateInput) => correctOneOnOne(id, input),
    onSuccess: (record) => {
      queryClient.setQueryData(dialogueKeys.record(id), record);
      return queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
    },
  });
}

export function useDeleteOneOnOne(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => deleteOneOnOne(id, version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: dialogueKeys.record(id) });
      return queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
    },
  });
}
