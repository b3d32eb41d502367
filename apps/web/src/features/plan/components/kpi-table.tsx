import type { Kpi } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { formatNumber } from '../lib/format.ts';
import { cellClass, headCellClass } from '../lib/styles.ts';

/** A KPI's target and actual per 年度 of the period, with its baseline. */
export function KpiYearsTable({ kpi, years }: { kpi: Kpi; years: number[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const target = new Map(kpi.targets.map((x) => [x.fiscalYear, x.value]));
  const actual = new Map(kpi.actuals.map((x) => [x.fiscalYear, x]));
  const caption = t('plan.kpi.tableCaption', { name: l(kpi.name) });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it
    <section className="relative overflow-x-auto" tabIndex={0} aria-label={caption}>
      <table className="w-full min-w-[32rem] border-collapse text-dns-14N-130">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>
              {t('plan.kpi.year')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('plan.kpi.target')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('plan.kpi.actual')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('plan.kpi.note')}
            </th>
          </tr>
        </thead>
        <tbody>
          {kpi.baseline ? (
            <tr>
              <th scope="row" className={cellClass}>
                {t('plan.kpi.baseline')} ({formatFiscalYear(kpi.baseline.fiscalYear, language)})
              </th>
              <td className={cellClass}>—</td>
              <td className={cellClass}>
                {formatNumber(kpi.baseline.value, language)} {kpi.unit}
              </td>
              <td className={cellClass} />
            </tr>
          ) : null}
          {years.map((fy) => {
            const a = actual.get(fy);
            return (
              <tr key={fy}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {formatFiscalYear(fy, language)}
                </th>
                <td className={cellClass}>
                  {target.has(fy) ? `${formatNumber(target.get(fy), language)} ${kpi.unit}` : '—'}
                </td>
                <td className={cellClass} data-testid={`actual-${kpi.id}-${fy}`}>
                  {a?.suppressed
                    ? t('plan.kpi.suppressed')
                    : a && a.value !== null
                      ? `${formatNumber(a.value, language)} ${kpi.unit}`
                      : '—'}
                  {a?.origin === 'computed' && a.value !== null ? (
                    <span className="ml-1 text-solid-gray-700">({t('plan.kpi.computed')})</span>
                  ) : null}
                </td>
                <td className={cellClass}>{a?.note || ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
