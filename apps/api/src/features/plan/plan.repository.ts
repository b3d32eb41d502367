/** The 推進計画's reads through Prisma (writes run in the service's transactions). */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type PlanItemNew = Prisma.PlanItemCreateManyInput;
export type KpiNew = Prisma.KpiCreateManyInput;
export type PlanHistoryNew = Prisma.PlanHistoryCreateManyInput;

export const kpiSelect = {
  id: true,
  itemId: true,
  position: true,
  nameJa: true,
  nameEn: true,
  unit: true,
  baselineFiscalYear: true,
  baselineValue: true,
  source: true,
  metric: true,
  metricParams: true,
  ownerBureauId: true,
  higherIsBetter: true,
  maxValue: true,
  version: true,
  targets: { orderBy: { fiscalYear: 'asc' }, select: { fiscalYear: true, value: true } },
  actuals: {
    orderBy: { fiscalYear: 'asc' },
    select: {
      fiscalYear: true,
      value: true,
      note: true,
      enteredById: true,
      updatedAt: true,
      version: true,
    },
  },
} as const satisfies Prisma.KpiSelect;

export const itemSelect = {
  id: true,
  periodId: true,
  initiativeId: true,
  position: true,
  titleJa: true,
  titleEn: true,
  descriptionJa: true,
  descriptionEn: true,
  actions: true,
  ownerOrgUnitIds: true,
  schedule: true,
  status: true,
  version: true,
  updatedAt: true,
  kpis: { orderBy: { position: 'asc' }, select: kpiSelect },
} as const satisfies Prisma.PlanItemSelect;

export const periodSelect = {
  id: true,
  policyId: true,
  ordinal: true,
  nameJa: true,
  nameEn: true,
  startFiscalYear: true,
  endFiscalYear: true,
  status: true,
  publishedAt: true,
  copiedFromId: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.PlanPeriodSelect;

export type KpiRow = Prisma.KpiGetPayload<{ select: typeof kpiSelect }>;
export type ItemRow = Prisma.PlanItemGetPayload<{ select: typeof itemSelect }>;
export type PeriodRow = Prisma.PlanPeriodGetPayload<{ select: typeof periodSelect }>;

export function createPlanRepository(db: Db) {
  return {
    policyInForce(tx: Db | Tx) {
      return tx.policy.findFirst({
        where: { inForce: true },
        select: { id: true, startFiscalYear: true, endFiscalYear: true },
      });
    },

    async periods(where: Prisma.PlanPeriodWhereInput) {
      const rows = await db.planPeriod.findMany({
        where,
        orderBy: { ordinal: 'asc' },
        select: { ...periodSelect, _count: { select: { items: true } } },
      });
      const kpiCounts = await db.kpi.groupBy({
        by: ['itemId'],
        where: { item: { periodId: { in: rows.map((r) => r.id) } } },
        _count: { _all: true },
      });
      const itemPeriod = new Map(
        (
          await db.planItem.findMany({
            where: { periodId: { in: rows.map((r) => r.id) } },
            select: { id: true, periodId: true },
          })
        ).map((i) => [i.id, i.periodId]),
      );
      const byPeriod = new Map<string, number>();
      for (const c of kpiCounts) {
        const p = itemPeriod.get(c.itemId);
        if (p) byPeriod.set(p, (byPeriod.get(p) ?? 0) + c._count._all);
      }
      return rows.map((r) => ({ ...r, itemCount: r._count.items, kpiCount: byPeriod.get(r.id) ?? 0 }));
    },

    period(id: string, tx: Db | Tx) {
      return tx.planPeriod.findUnique({ where: { id }, select: periodSelect });
    },

    items(periodId: string) {
      return db.planItem.findMany({
        where: { periodId },
        orderBy: [
          { initiative: { area: { position: 'asc' } } },
          { initiative: { position: 'asc' } },
          { position: 'asc' },
        ],
        select: itemSelect,
      });
    },

    item(id: string, tx: Db | Tx) {
      return tx.planItem.findUnique({
        where: { id },
        select: { ...itemSelect, period: { select: periodSelect } },
      });
    },

    kpi(id: string, tx: Db | Tx) {
      return tx.kpi.findUnique({
        where: { id },
        select: {
          ...kpiSelect,
          item: { select: { id: true, periodId: true, period: { select: periodSelect } } },
        },
      });
    },

    units(ids: string[], tx: Db | Tx) {
      if (!ids.length) return Promise.resolve([]);
      return tx.orgUnit.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          code: true,
          kind: true,
          nameJa: true,
          nameEn: true,
          bureauId: true,
          parentId: true,
        },
      });
    },

    /** An initiative as the history names it (its code and title). */
    initiativeLabel(id: string, tx: Db | Tx) {
      return tx.initiative.findUnique({ where: { id }, select: { code: true, titleJa: true } });
    },

    /** An initiative of this policy (an item links only to its own policy's). */
    initiativeOfPolicy(id: string, policyId: string, tx: Db | Tx) {
      return tx.initiative.findFirst({ where: { id, area: { policyId } }, select: { id: true } });
    },

    /** Another period of the policy whose years meet these. */
    overlappingPeriod(policyId: string, exceptId: string | null, start: number, end: number, tx: Db | Tx) {
      return tx.planPeriod.findFirst({
        where: {
          policyId,
          ...(exceptId ? { id: { not: exceptId } } : {}),
          startFiscalYear: { lte: end },
          endFiscalYear: { gte: start },
        },
        select: { nameJa: true },
      });
    },

    staffNames(ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return db.staff.findMany({
        where: { id: { in: ids } },
        select: { id: true, nameJa: true, nameEn: true },
      });
    },

    initiatives(tx: Db | Tx) {
      return tx.initiative.findMany({
        where: { area: { policy: { inForce: true } } },
        select: { id: true, code: true, titleJa: true, titleEn: true },
      });
    },

    history(itemId: string, page: number, pageSize: number) {
      return Promise.all([
        db.planHistory.findMany({
          where: { itemId },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        db.planHistory.count({ where: { itemId } }),
      ]);
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
