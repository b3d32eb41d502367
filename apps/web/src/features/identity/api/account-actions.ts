import { InvitationCreated } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/** `POST /api/staff/{id}/invitation` (HR): a new one-time link, mailed when mail is on. */
export function invitePerson(id: string): Promise<InvitationCreated> {
  return apiFetch(`/api/staff/${encodeURIComponent(id)}/invitation`, {
    method: 'POST',
    schema: InvitationCreated,
  });
}

/** `DELETE /api/staff/{id}/mfa` (HR): the person enrols again at their next sign-in. */
export function resetPersonMfa(id: string): Promise<void> {
  return apiFetch(`/api/staff/${encodeURIComponent(id)}/mfa`, { method: 'DELETE' });
}

export function useInvitePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => invitePerson(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.person(id) }),
  });
}

export function useResetPersonMfa(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPersonMfa(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.person(id) }),
  });
}
