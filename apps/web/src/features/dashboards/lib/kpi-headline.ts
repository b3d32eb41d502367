import type { DashboardKpi } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { pct } from './format.ts';

/**
 * What the KPI headline can honestly say: the average achievement covers only the KPIs that have a
 * rate (an actual against a target); the others are named, not silently left out.
 */
export function kpiHeadline(kpis: DashboardKpi[]) {
  const measured = kpis.filter((k) => k.achievementRate !== null);
  const missing = kpis.filter((k) => k.actual === null);
  return { count: kpis.length, measured: measured.length, missing };
}

/** The translation key of the headline for these counts. */
export function kpiHeadlineKey(h: { count: number; measured: number }) {
  if (h.count === 0) return 'none';
  return h.measured === 0 ? 'noneMeasured' : 'measured';
}

/** The headline sentence and the line naming the KPIs without an actual, in the reader's language. */
export function useKpiHeadline(kpis: DashboardKpi[], averageRate: number | null) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const h = kpiHeadline(kpis);
  const summary = t(`dashboards.kpiHeadline.${kpiHeadlineKey(h)}`, {
    count: h.count,
    measured: h.measured,
    rate: pct(averageRate, language),
  });
  const missing = h.missing.length
    ? t('dashboards.kpiHeadline.missing', {
        count: h.missing.length,
        list: formatList(
          h.missing.map((k) => l(k.name)),
          language,
        ),
      })
    : null;
  return { summary, missing };
}
