/**
 * The 推進計画's writes, one function per endpoint, and a hook that runs any of them and refreshes
 * the plan and the dashboards afterwards. Creates send the submission's Idempotency-Key
 * ({@link usePlanCreate}), so a retried click after a lost answer makes nothing twice.
 */
import {
  Kpi,
  type KpiActualPut,
  type KpiCreate,
  type KpiUpdate,
  PlanItem,
  type PlanItemCreate,
  type PlanItemUpdate,
  type PlanPeriodCopy,
  type PlanPeriodCreate,
  PlanPeriodListItem,
  type PlanPeriodUpdate,
} from '@portal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { idempotencyHeader, useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { planKeys } from './keys.ts';

const id = (s: string) => encodeURIComponent(s);

export const createPeriod = (body: PlanPeriodCreate, key: string) =>
  apiFetch('/api/plan-periods', {
    method: 'POST',
    json: body,
    headers: idempotencyHeader(key),
    schema: PlanPeriodListItem,
  });
export const updatePeriod = (periodId: string, body: PlanPeriodUpdate) =>
  apiFetch(`/api/plan-periods/${id(periodId)}`, { method: 'PUT', json: body, schema: PlanPeriodListItem });
export const copyPeriod = (periodId: string, body: PlanPeriodCopy, key: string) =>
  apiFetch(`/api/plan-periods/${id(periodId)}/copy`, {
    method: 'POST',
    json: body,
    headers: idempotencyHeader(key),
    schema: PlanPeriodListItem,
  });
export const deletePeriod = (periodId: string, version: number) =>
  apiFetch(`/api/plan-periods/${id(periodId)}?version=${version}`, { method: 'DELETE' });

export const createItem = (periodId: string, body: PlanItemCreate, key: string) =>
  apiFetch(`/api/plan-periods/${id(periodId)}/items`, {
    method: 'POST',
    json: body,
    headers: idempotencyHeader(key),
    schema: PlanItem,
  });
export const updateItem = (itemId: string, body: PlanItemUpdate) =>
  apiFetch(`/api/plan-items/${id(itemId)}`, { method: 'PUT', json: body, schema: PlanItem });
export const deleteItem = (itemId: string, version: number) =>
  apiFetch(`/api/plan-items/${id(itemId)}?version=${version}`, { method: 'DELETE' });

export const createKpi = (itemId: string, body: KpiCreate, key: string) =>
  apiFetch(`/api/plan-items/${id(itemId)}/kpis`, {
    method: 'POST',
    json: body,
    headers: idempotencyHeader(key),
    schema: Kpi,
  });
export const updateKpi = (kpiId: string, body: KpiUpdate) =>
  apiFetch(`/api/kpis/${id(kpiId)}`, { method: 'PUT', json: body, schema: Kpi });
export const deleteKpi = (kpiId: string, version: number) =>
  apiFetch(`/api/kpis/${id(kpiId)}?version=${version}`, { method: 'DELETE' });
export const putActual = (kpiId: string, fiscalYear: number, body: KpiActualPut) =>
  apiFetch(`/api/kpis/${id(kpiId)}/actuals/${fiscalYear}`, { method: 'PUT', json: body, schema: Kpi });

/** Runs one write; afterwards the plan and the dashboards are read again. */
export function usePlanWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
      ]);
    },
  });
}

/**
 * Runs one creating write with the form submission's Idempotency-Key: the same key on every try
 * until one succeeds, so a re-click after a lost answer replays the first create.
 */
export function usePlanCreate<R>(write: (key: string) => Promise<R>) {
  const key = useSubmissionKey();
  return usePlanWrite(async () => {
    const created = await write(key.current());
    key.reset();
    return created;
  });
}
