import type { Kpi, KpiMetric } from '@portal/contracts';

/** A KPI as its form holds it (numbers as typed). */
export type KpiForm = {
  nameJa: string;
  nameEn: string;
  unit: string;
  source: 'computed' | 'entered';
  metric: KpiMetric | '';
  /** survey scores: what they score */
  staffImageId: string;
  priorityPolicyId: string;
  ownerBureauId: string;
  baselineFiscalYear: string;
  baselineValue: string;
  higherIsBetter: boolean;
  /** The highest actual accepted ('' : what the unit allows) */
  maxValue: string;
  targets: Record<number, string>;
};

export function kpiForm(kpi: Kpi | null): KpiForm {
  return {
    nameJa: kpi?.name.ja ?? '',
    nameEn: kpi && kpi.name.en !== kpi.name.ja ? kpi.name.en : '',
    unit: kpi?.unit ?? '%',
    source: kpi?.source ?? 'entered',
    metric: kpi?.metric ?? '',
    staffImageId: kpi?.metricParams?.staffImageId ?? '',
    priorityPolicyId: kpi?.metricParams?.priorityPolicyId ?? '',
    ownerBureauId: kpi?.ownerBureau?.id ?? '',
    baselineFiscalYear: kpi?.baseline?.fiscalYear.toString() ?? '',
    baselineValue: kpi?.baseline?.value.toString() ?? '',
    higherIsBetter: kpi?.higherIsBetter ?? true,
    maxValue: kpi?.maxValue?.toString() ?? '',
    targets: Object.fromEntries((kpi?.targets ?? []).map((x) => [x.fiscalYear, x.value.toString()])),
  };
}

export function toKpiBody(f: KpiForm, years: number[]) {
  const hasBaseline = f.baselineFiscalYear !== '' && f.baselineValue !== '';
  return {
    nameJa: f.nameJa,
    nameEn: f.nameEn,
    unit: f.unit,
    source: f.source,
    metric: f.source === 'computed' && f.metric ? f.metric : null,
    // Survey scores name what they score; other metrics keep their stored conditions
    ...(f.source === 'computed' && f.metric === 'survey_staff_image_score'
      ? { metricParams: { staffImageId: f.staffImageId } }
      : f.source === 'computed' && f.metric === 'survey_priority_policy_score'
        ? { metricParams: { priorityPolicyId: f.priorityPolicyId } }
        : {}),
    ownerBureauId: f.ownerBureauId || null,
    baselineFiscalYear: hasBaseline ? Number(f.baselineFiscalYear) : null,
    baselineValue: hasBaseline ? Number(f.baselineValue) : null,
    higherIsBetter: f.higherIsBetter,
    maxValue: f.source === 'entered' && f.maxValue !== '' ? Number(f.maxValue) : null,
    targets: years
      .filter((fy) => (f.targets[fy] ?? '') !== '')
      .map((fy) => ({ fiscalYear: fy, value: Number(f.targets[fy]) })),
  };
}
