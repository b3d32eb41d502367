import { OjtPlan, type OjtPlanWriteInput } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

/** `PUT /api/staff/{id}/ojt-plan?fiscalYear=` (the person's supervisor), with the version read: stale → 409. */
export function saveOjtPlan(staffId: string, fiscalYear: number, body: OjtPlanWriteInput): Promise<OjtPlan> {
  return apiFetch(`/api/staff/${encodeURIComponent(staffId)}/ojt-plan?fiscalYear=${fiscalYear}`, {
    method: 'PUT',
    json: body,
    schema: OjtPlan,
  });
}

export function useSaveOjtPlan(staffId: string, fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OjtPlanWriteInput) => saveOjtPlan(staffId, fiscalYear, body),
    onSuccess: (plan) => {
      queryClient.setQueryData(ojtKeys.plan(staffId, fiscalYear), plan);
      void queryClient.invalidateQueries({ queryKey: ojtKeys.all });
    },
  });
}
