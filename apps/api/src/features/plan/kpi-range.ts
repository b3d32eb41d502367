import { isInKpiRange, kpiValueRange } from '@portal/contracts';
import { BadRequestError } from '../../shared/errors.ts';

/** Refuses an actual outside what its KPI can measure (400 naming `value`, with the range). */
export function assertKpiValueInRange(kpi: { unit: string }, value: number): void {
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
