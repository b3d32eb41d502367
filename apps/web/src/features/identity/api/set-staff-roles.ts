import { StaffDetail, type StaffRolesInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/**
 * `PUT /api/staff/{id}/roles` (HR): grants or revokes HR administration, with the person's version;
 * answers the person as they now are. Never the last administrator, never one's own (409).
 */
export function setStaffRoles(id: string, input: StaffRolesInput): Promise<StaffDetail> {
  return apiFetch(`/api/staff/${encodeURIComponent(id)}/roles`, {
    method: 'PUT',
    json: input,
    schema: StaffDetail,
  });
}

export function useSetStaffRoles(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffRolesInput) => setStaffRoles(id, input),
    onSuccess: (person) => {
      queryClient.setQueryData(identityKeys.person(id), person);
      void queryClient.invalidateQueries({ queryKey: identityKeys.all });
    },
  });
}
