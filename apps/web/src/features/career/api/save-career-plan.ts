import { type CareerPlanSave, CareerPlanView } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/** `PUT /api/staff/{id}/career-plan?fiscalYear=` with the version edited (`0` creates): stale → 409. */
export function saveCareerPlan(staffId: string, fiscalYear: number, body: CareerPlanSave) {
  return apiFetch(`${staffPath(staffId)}/career-plan?fiscalYear=${fiscalYear}`, {
    method: 'PUT',
    json: body,
    schema: CareerPlanView,
  });
}

/** `POST …/career-plan/submit` with the version read. */
export function submitCareerPlan(staffId: string, fiscalYear: number, version: number) {
  return apiFetch(`${staffPath(staffId)}/career-plan/submit?fiscalYear=${fiscalYear}`, {
    method: 'POST',
    json: { version },
    schema: CareerPlanView,
  });
}

/**
 * Saves (when there are changes) and, asked to, submits with the version the save returned. The
 * plan's query gets the answer; the person's other views and "my figures" are refetched.
 */
export function useSaveCareerPlan(staffId: string, fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: CareerPlanSave | null; submit: boolean; version: number }) => {
      let view = input.body ? await saveCareerPlan(staffId, fiscalYear, input.body) : null;
      if (input.submit) {
        view = await submitCareerPlan(staffId, fiscalYear, view?.plan?.version ?? input.version);
      }
      return view;
    },
    onSuccess: (view) => {
      if (view) queryClient.setQueryData(careerKeys.plan(staffId, fiscalYear), view);
      void queryClient.invalidateQueries({ queryKey: careerKeys.person(staffId) });
      void queryClient.invalidateQueries({ queryKey: careerKeys.mine() });
    },
  });
}
