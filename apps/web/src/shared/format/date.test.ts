import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFiscalYear, formatFiscalYearSpan } from './date.ts';

describe('formatDate', () => {
  it('writes Japanese dates in the Japanese era (和暦)', () => {
    expect(formatDate('2026-04-01', 'ja')).toBe('令和8年4月1日');
    expect(formatDate('2021-03-31', 'ja')).toBe('令和3年3月31日');
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日');
  });

  it('writes the first year of an era as 元年', () => {
    expect(formatDate('2019-05-01', 'ja')).toBe('令和元年5月1日');
  });

  it('writes English dates day-month-year', () => {
    expect(formatDate('2026-04-01', 'en')).toBe('1 April 2026');
    expect(formatDate('2021-03-31', 'en')).toBe('31 March 2021');
  });

  it('keeps the calendar day of an ISO date and of a local Date, whatever the time zone', () => {
    expect(formatDate('2026-04-01T23:30:00+09:00', 'en')).toBe('1 April 2026');
    expect(formatDate(new Date(2026, 3, 1, 23, 59), 'ja')).toBe('令和8年4月1日');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('next week', 'ja')).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN), 'en')).toThrow(RangeError);
  });
});

describe('fiscal years', () => {
  it('names one fiscal year as 令和N年度 or FYyyyy', () => {
    expect(formatFiscalYear(2021, 'ja')).toBe('令和3年度');
    expect(formatFiscalYear(2019, 'ja')).toBe('令和元年度');
    expect(formatFiscalYear(2020, 'ja')).toBe('令和2年度');
    expect(formatFiscalYear(2021, 'en')).toBe('FY2021');
  });

  it('names a span of fiscal years as the policy does', () => {
    expect(formatFiscalYearSpan(2021, 2030, 'ja')).toBe('令和3〜12年度');
    expect(formatFiscalYearSpan(2021, 2023, 'ja')).toBe('令和3〜5年度');
    expect(formatFiscalYearSpan(2021, 2030, 'en')).toBe('FY2021–2030');
    expect(formatFiscalYearSpan(2024, 2024, 'ja')).toBe('令和6年度');
    expect(formatFiscalYearSpan(2024, 2024, 'en')).toBe('FY2024');
  });
});

describe('formatDateTime', () => {
  it('reads an instant in Japan time, in 和暦 or English', () => {
    expect(formatDateTime('2026-06-15T01:05:00Z', 'ja')).toBe('令和8年6月15日 10:05');
    expect(formatDateTime('2026-06-14T15:30:00Z', 'en')).toBe('15 June 2026 00:30');
  });
});
