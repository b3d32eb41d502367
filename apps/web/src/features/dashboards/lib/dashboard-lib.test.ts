import { describe, expect, it } from 'vitest';
import { exportHref, readFiscalYear } from './export.ts';
import { fiscalYearWithWestern, num, pct } from './format.ts';

describe('dashboard helpers', () => {
  it('label a 年度 with both calendars', () => {
    expect(fiscalYearWithWestern(2026, 'ja')).toBe('令和8年度 (2026)');
    expect(fiscalYearWithWestern(2019, 'ja')).toBe('令和元年度 (2019)');
    expect(fiscalYearWithWestern(2026, 'en')).toBe('FY2026 (Reiwa 8)');
  });

  it('format figures, with a dash for none', () => {
    expect(num(1234.56, 'ja')).toBe('1,234.6');
    expect(num(null, 'en')).toBe('—');
    expect(pct(40, 'ja')).toBe('40%');
    expect(pct(null, 'ja')).toBe('—');
  });

  it('read ?fy= and build export links', () => {
    expect(readFiscalYear(new URLSearchParams('fy=2025'))).toBe(2025);
    expect(readFiscalYear(new URLSearchParams('fy=abc'))).toBeUndefined();
    expect(readFiscalYear(new URLSearchParams(''))).toBeUndefined();
    expect(
      exportHref('/api/dashboards/rollout', { fiscalYear: 2026, format: 'csv', table: 'units', lang: 'ja' }),
    ).toBe('/api/dashboards/rollout/export?fiscalYear=2026&format=csv&lang=ja&table=units');
  });
});
