import { type OjtAcknowledge, OjtSession } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

/** `POST /api/ojt-sessions/{id}/acknowledge` (the trainee), with an optional 振り返り. */
export function acknowledgeOjtSession(id: string, body: OjtAcknowledge): Promise<OjtSession> {
  return apiFetch(`/api/ojt-sessions/${encodeURIComponent(id)}/acknowledge`, {
    method: 'POST',
    json: body,
    schema: OjtSession,
  });
}

export function useAcknowledgeOjtSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OjtAcknowledge }) => acknowledgeOjtSession(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ojtKeys.all }),
  });
}
