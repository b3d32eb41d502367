import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabelJa,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearSpanLabel,
  reiwaYear,
} from './fiscal-year.ts';

describe('fiscal year', () => {
  it('runs April to March', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf(new Date(2027, 0, 15))).toBe(2026);
    expect(fiscalYearRange(2021)).toEqual({ from: '2021-04-01', to: '2022-03-31' });
  });

  it('names 令和 years as the policy does', () => {
    expect(reiwaYear(2021)).toBe(3);
    expect(fiscalYearLabelJa(2019)).toBe('令和元年度');
    expect(fiscalYearLabelJa(2030)).toBe('令和12年度');
    expect(fiscalYearLabelJa(2018)).toBe('2018年度');
    expect(fiscalYearSpanLabel(2021, 2023, 'ja')).toBe('令和3〜5年度');
    expect(fiscalYearSpanLabel(2021, 2030, 'en')).toBe('FY2021–2030');
  });

  it('refuses what is not a date', () => {
    expect(() => fiscalYearOf('soon')).toThrow(RangeError);
  });
});
