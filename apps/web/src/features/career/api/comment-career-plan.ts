import { CareerPlan, type CareerPlanCommentCreate } from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/** `POST …/career-plan/comments` (the person's supervisor), once per `Idempotency-Key`. */
export function commentCareerPlan(
  staffId: string,
  fiscalYear: number,
  body: CareerPlanCommentCreate,
  idempotencyKey: string,
) {
  return apiFetch(`${staffPath(staffId)}/career-plan/comments?fiscalYear=${fiscalYear}`, {
    method: 'POST',
    json: body,
    headers: { 'idempotency-key': idempotencyKey },
    schema: CareerPlan,
  });
}

export function useCommentCareerPlan(staffId: string, fiscalYear: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CareerPlanCommentCreate; idempotencyKey: string }) =>
      commentCareerPlan(staffId, fiscalYear, body, idempotencyKey),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: careerKeys.person(staffId) });
      void queryClient.invalidateQueries({ queryKey: careerKeys.mine() });
    },
  });
}
