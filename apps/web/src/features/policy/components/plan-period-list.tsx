import type { PlanPeriodSummary } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatFiscalYearSpan } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';

const statusTone: Record<PlanPeriodSummary['status'], string> = {
  draft: 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800',
  review: 'border-yellow-900 bg-yellow-50 text-yellow-1200',
  published: 'border-green-800 bg-green-50 text-green-1000',
};

/** 推進計画の期: 第1期 令和3〜5年度（3年間）, … */
export function PlanPeriodList({ periods }: { periods: readonly PlanPeriodSummary[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  if (periods.length === 0) return <p className="text-std-16N-170">{t('overview.planPeriodsEmpty')}</p>;
  return (
    <ul className="space-y-3">
      {[...periods]
        .sort((a, b) => a.ordinal - b.ordinal)
        .map((period) => (
          <li
            key={period.id}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-8 border border-solid-gray-200 bg-white px-4 py-3"
          >
            <span className="text-std-16B-170 text-solid-gray-900">{l(period.name)}</span>
            <span className="text-std-16N-170">
              {t('overview.planPeriodSpan', {
                span: formatFiscalYearSpan(period.startFiscalYear, period.endFiscalYear, language),
                count: period.endFiscalYear - period.startFiscalYear + 1,
              })}
            </span>
            <span className={`rounded-full border px-3 py-0.5 text-dns-14B-130 ${statusTone[period.status]}`}>
              {t(`overview.planStatus.${period.status}`)}
            </span>
          </li>
        ))}
    </ul>
  );
}
