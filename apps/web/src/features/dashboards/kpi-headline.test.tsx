import type { DashboardKpi } from '@portal/contracts';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { kpiHeadline, useKpiHeadline } from './lib/kpi-headline.ts';

const kpi = (n: number, actual: number | null, rate: number | null): DashboardKpi => ({
  id: `k${n}`,
  itemId: 'i',
  initiativeId: 'in',
  name: { ja: `指標${n}`, en: `Measure ${n}` },
  unit: '人',
  source: 'entered',
  higherIsBetter: true,
  ownerBureau: null,
  baseline: null,
  target: 100,
  actual,
  actualSuppressed: false,
  achievementRate: rate,
});

const kpis = [kpi(1, 50, 50), kpi(2, 80, 80), kpi(3, null, null), kpi(4, null, null)];

const wrapper = (language: 'ja' | 'en') =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <AppProvider i18n={createTestI18n({ language })}>{children}</AppProvider>;
  };

describe('the KPI headline', () => {
  it('counts only the KPIs with a rate in the average, and names those without an actual', () => {
    const h = kpiHeadline(kpis);
    expect(h).toMatchObject({ count: 4, measured: 2 });
    expect(h.missing.map((k) => k.id)).toEqual(['k3', 'k4']);
  });

  it('says which KPIs the average covers, in Japanese and English', () => {
    const ja = renderHook(() => useKpiHeadline(kpis, 65), { wrapper: wrapper('ja') }).result.current;
    expect(ja.summary).toBe('KPI 4件のうち、実績のある2件の平均達成率は65%です。');
    expect(ja.missing).toBe('実績が未入力のKPI（2件）：指標3、指標4');
    const en = renderHook(() => useKpiHeadline(kpis, 65), { wrapper: wrapper('en') }).result.current;
    expect(en.summary).toBe('Of the 4 KPIs, the 2 with an actual reach 65% of their targets on average.');
    expect(en.missing).toBe('KPIs without an actual (2): Measure 3 and Measure 4');
  });

  it('does not claim an average when no KPI has an actual', () => {
    const none = renderHook(() => useKpiHeadline([kpi(1, null, null)], null), { wrapper: wrapper('ja') });
    expect(none.result.current.summary).toBe('KPI 1件のうち、実績が入力されたものはまだありません。');
  });
});
