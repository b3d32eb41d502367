/**
 * The values a KPI's actual may take, from what it measures: a rate (`%`) lies in 0–100; a count, a
 * time or a sum is never negative and stays below a ceiling no city reaches (a typing slip such as
 * 1,000,000,000 is refused). The API refuses an actual outside it; the form says the same before
 * sending.
 */
export const KPI_VALUE_CEILING = 1_000_000;

export type KpiValueRange = { min: number; max: number };

export function kpiValueRange(kpi: { unit: string }): KpiValueRange {
  const unit = kpi.unit.trim();
  if (unit === '%' || unit === '％' || unit === 'パーセント') return { min: 0, max: 100 };
  return { min: 0, max: KPI_VALUE_CEILING };
}

export const isInKpiRange = (value: number, range: KpiValueRange) =>
  Number.isFinite(value) && value >= range.min && value <= range.max;
