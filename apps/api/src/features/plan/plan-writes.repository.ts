/**
 * The 推進計画's writes, each on the caller's transaction (they run inside `write`, shared/write.ts).
 * A versioned change matches `… WHERE version = $expected` and raises the version; its count says
 * whether it matched (the caller turns 0 into the 409).
 */
import type { Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

const periodOut = {
  id: true,
  nameJa: true,
  nameEn: true,
  startFiscalYear: true,
  endFiscalYear: true,
  status: true,
} as const;

/** What a copy of a period takes from each item of the source (the latest actual becomes the baseline). */
const itemToCopy = {
  initiativeId: true,
  position: true,
  titleJa: true,
  titleEn: true,
  descriptionJa: true,
  descriptionEn: true,
  actions: true,
  ownerOrgUnitIds: true,
  schedule: true,
  kpis: {
    orderBy: { position: 'asc' },
    select: {
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
      actuals: { orderBy: { fiscalYear: 'desc' }, take: 1, select: { fiscalYear: true, value: true } },
    },
  },
} as const satisfies Prisma.PlanItemSelect;

export const planWrites = {
  // --- periods ---------------------------------------------------------------------------------

  async nextPeriodOrdinal(tx: Tx, policyId: string): Promise<number> {
    const last = await tx.planPeriod.aggregate({ where: { policyId }, _max: { ordinal: true } });
    return (last._max.ordinal ?? 0) + 1;
  },

  createPeriod(tx: Tx, data: Prisma.PlanPeriodUncheckedCreateInput) {
    return tx.planPeriod.create({ data, select: periodOut });
  },

  async updatePeriod(
    tx: Tx,
    id: string,
    version: number,
    data: Prisma.PlanPeriodUncheckedUpdateManyInput,
  ): Promise<number> {
    const { count } = await tx.planPeriod.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  /** A published period is never deleted. */
  async deletePeriod(tx: Tx, id: string, version: number): Promise<number> {
    const { count } = await tx.planPeriod.deleteMany({
      where: { id, version, status: { not: 'published' } },
    });
    return count;
  },

  itemsToCopy(tx: Tx, periodId: string) {
    return tx.planItem.findMany({ where: { periodId }, orderBy: { position: 'asc' }, select: itemToCopy });
  },

  /** The copied items, their KPIs and the items' history entries, three statements for any number. */
  async createCopies(
    tx: Tx,
    rows: {
      items: Prisma.PlanItemCreateManyInput[];
      kpis: Prisma.KpiCreateManyInput[];
      history: Prisma.PlanHistoryCreateManyInput[];
    },
  ): Promise<void> {
    if (rows.items.length) await tx.planItem.createMany({ data: rows.items });
    if (rows.kpis.length) await tx.kpi.createMany({ data: rows.kpis });
    if (rows.history.length) await tx.planHistory.createMany({ data: rows.history });
  },

  // --- items -----------------------------------------------------------------------------------

  async nextItemPosition(tx: Tx, periodId: string, initiativeId: string): Promise<number> {
    const last = await tx.planItem.aggregate({ where: { periodId, initiativeId }, _max: { position: true } });
    return (last._max.position ?? 0) + 1;
  },

  createItem(tx: Tx, data: Prisma.PlanItemUncheckedCreateInput) {
    return tx.planItem.create({ data, select: { id: true } });
  },

  async updateItem(
    tx: Tx,
    id: string,
    version: number,
    data: Prisma.PlanItemUncheckedUpdateManyInput,
  ): Promise<number> {
    const { count } = await tx.planItem.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  async deleteItem(tx: Tx, id: string, version: number): Promise<number> {
    const { count } = await tx.planItem.deleteMany({ where: { id, version } });
    return count;
  },

  // --- KPIs ------------------------------------------------------------------------------------

  async nextKpiPosition(tx: Tx, itemId: string): Promise<number> {
    const last = await tx.kpi.aggregate({ where: { itemId }, _max: { position: true } });
    return (last._max.position ?? 0) + 1;
  },

  createKpi(tx: Tx, data: Prisma.KpiUncheckedCreateInput) {
    return tx.kpi.create({ data, select: { id: true } });
  },

  async updateKpi(
    tx: Tx,
    id: string,
    version: number,
    data: Prisma.KpiUncheckedUpdateManyInput,
  ): Promise<number> {
    const { count } = await tx.kpi.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  async replaceKpiTargets(tx: Tx, kpiId: string, targets: { fiscalYear: number; value: number }[]) {
    await tx.kpiTarget.deleteMany({ where: { kpiId } });
    if (targets.length) await tx.kpiTarget.createMany({ data: targets.map((t) => ({ kpiId, ...t })) });
  },

  async deleteKpi(tx: Tx, id: string, version: number): Promise<number> {
    const { count } = await tx.kpi.deleteMany({ where: { id, version } });
    return count;
  },

  kpiActual(tx: Tx, kpiId: string, fiscalYear: number) {
    return tx.kpiActual.findUnique({ where: { kpiId_fiscalYear: { kpiId, fiscalYear } } });
  },

  async createKpiActual(tx: Tx, data: Prisma.KpiActualUncheckedCreateInput): Promise<void> {
    await tx.kpiActual.create({ data });
  },

  async updateKpiActual(
    tx: Tx,
    key: { kpiId: string; fiscalYear: number; version: number },
    data: { value: number; note: string; enteredById: string },
  ): Promise<number> {
    const { count } = await tx.kpiActual.updateMany({
      where: key,
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  // --- history ---------------------------------------------------------------------------------

  async history(tx: Tx, data: Prisma.PlanHistoryUncheckedCreateInput): Promise<void> {
    await tx.planHistory.create({ data });
  },
};
