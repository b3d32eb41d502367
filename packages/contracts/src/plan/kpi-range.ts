/**
 * The values a KPI's actual may take, from what it measures: a rate (`%`) lies in 0–100; a count, a
 * time or a sum is never negative and stays below a ceiling no city reaches (a typing slip such as
 * 1,000,000,000 is refused); HR may set a lower upper bound per KPI. The API refuses an actual outside it; the form says the same before
 * sending.
 */
export const KPI_VALUE_CEILING = 1_000_000;

export type KpiValueRange = { min: number; max: number };

/** `maxValue`: the upper bound HR set for this KPI, if any; it narrows the unit's range, never widens it. */
export function kpiValueRange(kpi: { unit: string; maxValue?: number | null }): KpiValueRange {
  const unit = kpi.unit.trim();
  const max = unit === '%' || unit === '％' || unit === 'パーセント' ? 100 : KPI_VALUE_CEILING;
  return { min: 0, max: kpi.maxValue == null ? max : Math.min(max, kpi.maxValue) };
}

export const isInKpiRange = (value: number, range: KpiValueRange) =>
  Number.isFinite(value) && value >= range.min && value <= range.max;
