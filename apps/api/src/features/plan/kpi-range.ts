import { isInKpiRange, kpiValueRange } from '@portal/contracts';
import { BadRequestError } from '../../shared/errors.ts';

/**
 * Refuses an upper bound below an actual already entered (400 naming `maxValue`, with the highest
 * actual): the bound would make the recorded history invalid.
 */
export function assertKpiBoundAboveActuals(
  kpi: { unit: string; maxValue: number | null },
  actuals: readonly { value: number }[],
): void {
  if (kpi.maxValue == null || actuals.length === 0) return;
  const highest = Math.max(...actuals.map((a) => a.value));
  if (highest <= kpi.maxValue) return;
  throw new BadRequestError('An actual already entered lies above this bound.', [
    {
      field: 'body.maxValue',
      message: `an actual of ${highest} is already entered`,
      code: 'max_below_actual',
      params: { highest },
    },
  ]);
}

/** Refuses an actual outside what its KPI can measure (400 naming `value`, with the range). */
export function assertKpiValueInRange(kpi: { unit: string; maxValue?: number | null }, value: number): void {
  const range = kpiValueRange(kpi);
  if (isInKpiRange(value, range)) return;
  throw new BadRequestError(`The value must lie in ${range.min}–${range.max}.`, [
    {
      field: 'body.value',
      message: `must lie in ${range.min}–${range.max}`,
      code: 'value_out_of_range',
      params: { min: range.min, max: range.max },
    },
  ]);
}
