import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

/** `DELETE /api/ojt-sessions/{id}`: the logger, while the trainee has not acknowledged it. */
export async function deleteOjtSession(id: string): Promise<void> {
  await apiFetch(`/api/ojt-sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteOjtSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteOjtSession(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ojtKeys.all }),
  });
}
