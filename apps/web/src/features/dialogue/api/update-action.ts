import type { OpenOneOnOneAction } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys } from './keys.ts';

/** `PUT /api/one-on-one-actions/{id}`: its owner or the 1on1's author marks it done or open again. */
export function updateAction(id: string, done: boolean, version: number): Promise<OpenOneOnOneAction> {
  // Typed, not parsed: the start page's open actions (decision 037).
  return apiFetch<OpenOneOnOneAction>(`/api/one-on-one-actions/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: { done, version },
  });
}

export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done, version }: { id: string; done: boolean; version: number }) =>
      updateAction(id, done, version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: dialogueKeys.all }),
  });
}
