/**
 * The 人材育成推進計画: HR keeps the periods, their items and KPIs; the owning bureau enters its own KPIs'
 * actuals. One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { createPlanContext } from './plan.context.ts';
import type { PlanRepository } from './plan.repository.ts';
import { copyPeriod } from './use-cases/copy-period.ts';
import { createKpi } from './use-cases/create-kpi.ts';
import { createPeriod } from './use-cases/create-period.ts';
import { createItem } from './use-cases/create-plan-item.ts';
import { deleteKpi } from './use-cases/delete-kpi.ts';
import { deletePeriod } from './use-cases/delete-period.ts';
import { deleteItem } from './use-cases/delete-plan-item.ts';
import { itemHistory } from './use-cases/plan-item-history.ts';
import { getPeriod, listPeriods } from './use-cases/read-periods.ts';
import { putActual } from './use-cases/record-kpi-actual.ts';
import { updateKpi } from './use-cases/update-kpi.ts';
import { updatePeriod } from './use-cases/update-period.ts';
import { updateItem } from './use-cases/update-plan-item.ts';

export function createPlanUseCases(deps: { db: Db; plan?: PlanRepository }) {
  const ctx = createPlanContext(deps);
  return bindUseCases(ctx, {
    listPeriods,
    getPeriod,
    createPeriod,
    updatePeriod,
    deletePeriod,
    copyPeriod,
    createItem,
    updateItem,
    deleteItem,
    itemHistory,
    createKpi,
    updateKpi,
    deleteKpi,
    putActual,
  });
}

export type PlanUseCases = ReturnType<typeof createPlanUseCases>;
