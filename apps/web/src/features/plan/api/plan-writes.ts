/**
 * The 推進計画's writes, one function per endpoint, and a hook that runs any of them and refreshes
 * the plan and the dashboards afterwards. Creates send an Idempotency-Key, so a retried click makes
 * nothing twice.
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
import { planKeys } from './keys.ts';

const id = (s: string) => encodeURIComponent(s);
const key = () => ({ 'idempotency-key': crypto.randomUUID() });

export const createPeriod = (body: PlanPeriodCreate) =>
  apiFetch('/api/plan-periods', { method: 'POST', json: body, headers: key(), schema: PlanPeriodListItem });
export const updatePeriod = (periodId: string, body: PlanPeriodUpdate) =>
  apiFetch(`/api/plan-periods/${id(periodId)}`, { method: 'PUT', json: body, schema: PlanPeriodListItem });
export const copyPeriod = (periodId: string, body: PlanPeriodCopy) =>
  apiFetch(`/api/plan-periods/${id(periodId)}/copy`, {
    method: 'POST',
    json: body,
    headers: key(),
    schema: PlanPeriodListItem,
  });
export const deletePeriod = (periodId: string, version: number) =>
  apiFetch(`/api/plan-periods/${id(periodId)}?version=${version}`, { method: 'DELETE' });

export const createItem = (periodId: string, body: PlanItemCreate) =>
  apiFetch(`/api/plan-periods/${id(periodId)}/items`, {
    method: 'POST',
    json: body,
    headers: key(),
    schema: PlanItem,
  });
export const updateItem = (itemId: string, body: PlanItemUpdate) =>
  apiFetch(`/api/plan-items/${id(itemId)}`, { method: 'PUT', json: body, schema: PlanItem });
export const deleteItem = (itemId: string, version: number) =>
  apiFetch(`/api/plan-items/${id(itemId)}?version=${version}`, { method: 'DELETE' });

export const createKpi = (itemId: string, body: KpiCreate) =>
  apiFetch(`/api/plan-items/${id(itemId)}/kpis`, { method: 'POST', json: body, headers: key(), schema: Kpi });
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
