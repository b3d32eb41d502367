/**
 * The plan's snapshots for its history: a record as readable text (names rather than ids, 年度 labels
 * rather than numbers), so that a diff still reads years later when the units it named have changed.
 */
import { fiscalYearLabelJa, fiscalYearSpanLabel } from '@portal/contracts';
import type { Tx } from '../../db/client.ts';
import type { PeriodRow, PlanRepository } from './plan.repository.ts';
import type { PlanShaping } from './plan.shaping.ts';
import { asActions, asSchedule } from './plan.shared.ts';
import type { Snapshot } from './plan-history.ts';

export function createPlanSnapshots(shaping: PlanShaping, repo: PlanRepository) {
  const { unitMap } = shaping;

  function periodSnapshot(
    p: Pick<PeriodRow, 'nameJa' | 'nameEn' | 'startFiscalYear' | 'endFiscalYear' | 'status'>,
  ) {
    return {
      nameJa: p.nameJa,
      nameEn: p.nameEn,
      years: fiscalYearSpanLabel(p.startFiscalYear, p.endFiscalYear, 'ja'),
      status: p.status,
    };
  }

  async function itemSnapshot(
    tx: Tx,
    i: {
      initiativeId: string;
      titleJa: string;
      titleEn: string;
      descriptionJa: string;
      descriptionEn: string;
      actions: unknown;
      ownerOrgUnitIds: string[];
      schedule: unknown;
      status: string;
    },
  ): Promise<Snapshot> {
    const [initiative, units] = await Promise.all([
      repo.initiativeLabel(i.initiativeId, tx),
      unitMap(i.ownerOrgUnitIds, tx),
    ]);
    return {
      initiative: initiative ? `${initiative.code} ${initiative.titleJa}` : i.initiativeId,
      titleJa: i.titleJa,
      titleEn: i.titleEn,
      descriptionJa: i.descriptionJa,
      descriptionEn: i.descriptionEn,
      actions: asActions(i.actions).map((a) => ({ textJa: a.textJa, textEn: a.textEn })),
      owners: i.ownerOrgUnitIds.map((id) => units.get(id)?.nameJa ?? id),
      schedule: asSchedule(i.schedule).map((s) => ({
        fiscalYear: s.fiscalYear,
        textJa: s.textJa,
        textEn: s.textEn,
      })),
      status: i.status,
    };
  }

  async function kpiSnapshot(
    tx: Tx,
    k: {
      nameJa: string;
      nameEn: string;
      unit: string;
      baselineFiscalYear: number | null;
      baselineValue: number | null;
      source: string;
      metric: string | null;
      metricParams: unknown;
      ownerBureauId: string | null;
      higherIsBetter: boolean;
      maxValue: number | null;
      targets: { fiscalYear: number; value: number }[];
    },
  ): Promise<Snapshot> {
    const bureau = k.ownerBureauId ? (await unitMap([k.ownerBureauId], tx)).get(k.ownerBureauId) : undefined;
    return {
      nameJa: k.nameJa,
      nameEn: k.nameEn,
      unit: k.unit,
      baseline:
        k.baselineFiscalYear !== null && k.baselineValue !== null
          ? `${fiscalYearLabelJa(k.baselineFiscalYear)}: ${k.baselineValue}`
          : null,
      source: k.source,
      metric: k.metric,
      metricParams: k.metricParams ? JSON.stringify(k.metricParams) : null,
      ownerBureau: bureau ? bureau.nameJa : null,
      higherIsBetter: k.higherIsBetter,
      maxValue: k.maxValue,
      targets: [...k.targets]
        .sort((a, b) => a.fiscalYear - b.fiscalYear)
        .map((t) => ({ fiscalYear: t.fiscalYear, value: t.value })),
    };
  }

  return { periodSnapshot, itemSnapshot, kpiSnapshot };
}
