import { StaffDetail } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/**
 * `POST /api/staff/{id}/disable` or `/enable` (HR, `staff:manage:any`): no body; answers the person
 * as they now are. Disabling ends their sessions at once.
 */
export function setStaffDisabled(id: string, disabled: boolean): Promise<StaffDetail> {
  return apiFetch(`/api/staff/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, {
    method: 'POST',
    schema: StaffDetail,
  });
}

export function useSetStaffDisabled(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (disabled: boolean) => setStaffDisabled(id, disabled),
    onSuccess: (person) => {
      queryClient.setQueryData(identityKeys.person(id), person);
      void queryClient.invalidateQueries({ queryKey: identityKeys.all });
    },
  });
}
