/**
 * The 人材育成推進計画: HR keeps the periods, their items and KPIs; the owning bureau enters its own KPIs'
 * actuals. One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { createPlanContext, type PlanContext } from './plan.context.ts';
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

/** The arguments of a use case after its context. */
type Args<F> = F extends (ctx: PlanContext, ...args: infer A) => unknown ? A : never;

export function createPlanUseCases(deps: { db: Db; plan?: PlanRepository }) {
  const ctx = createPlanContext(deps);
  return {
    listPeriods: (...args: Args<typeof listPeriods>) => listPeriods(ctx, ...args),
    getPeriod: (...args: Args<typeof getPeriod>) => getPeriod(ctx, ...args),
    createPeriod: (...args: Args<typeof createPeriod>) => createPeriod(ctx, ...args),
    updatePeriod: (...args: Args<typeof updatePeriod>) => updatePeriod(ctx, ...args),
    deletePeriod: (...args: Args<typeof deletePeriod>) => deletePeriod(ctx, ...args),
    copyPeriod: (...args: Args<typeof copyPeriod>) => copyPeriod(ctx, ...args),
    createItem: (...args: Args<typeof createItem>) => createItem(ctx, ...args),
    updateItem: (...args: Args<typeof updateItem>) => updateItem(ctx, ...args),
    deleteItem: (...args: Args<typeof deleteItem>) => deleteItem(ctx, ...args),
    itemHistory: (...args: Args<typeof itemHistory>) => itemHistory(ctx, ...args),
    createKpi: (...args: Args<typeof createKpi>) => createKpi(ctx, ...args),
    updateKpi: (...args: Args<typeof updateKpi>) => updateKpi(ctx, ...args),
    deleteKpi: (...args: Args<typeof deleteKpi>) => deleteKpi(ctx, ...args),
    putActual: (...args: Args<typeof putActual>) => putActual(ctx, ...args),
  };
}

export type PlanUseCases = ReturnType<typeof createPlanUseCases>;
