import { OjtSession, type OjtSessionUpdateInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

/**
 * `PUT /api/ojt-sessions/{id}` (the supervisor who logged it), with the `updatedAt` read. A 409
 * (`stale_version`, `ojt_acknowledged`) reloads the lists either way, so the form shows the current one.
 */
export function updateOjtSession(id: string, body: OjtSessionUpdateInput): Promise<OjtSession> {
  return apiFetch(`/api/ojt-sessions/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: body,
    schema: OjtSession,
  });
}

export function useUpdateOjtSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OjtSessionUpdateInput }) => updateOjtSession(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ojtKeys.all }),
  });
}
