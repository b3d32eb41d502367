import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePlanVersions } from '../api/get-plan-versions.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { PlanStatusBadge } from './badges.tsx';

/** Every saved version of a plan, newest first, opened on demand. */
export function VersionHistory({ staffId, fiscalYear }: { staffId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const query = usePlanVersions(staffId, fiscalYear, open);
  return (
    <details className="mt-6" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-blue-1000">
        {t('career.versions.title')}
      </summary>
      {query.isPending && open ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <ol className="mt-2 grid gap-2">
          {query.data.items.map((v) => (
            <li key={v.version} className="rounded-8 border border-solid-gray-200 p-3">
              <details>
                <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-2 text-std-16N-170">
                  <span className="text-std-16B-170">
                    {t('career.versions.number', { version: v.version })}
                  </span>
                  <PlanStatusBadge status={v.status} />
                  <span>{formatInstant(v.savedAt, language)}</span>
                  {v.savedBy ? <span>{personName(v.savedBy, language)}</span> : null}
                </summary>
                <dl className="mt-2 grid gap-1 text-std-16N-170">
                  <dt className="text-dns-14B-130">{t('career.plan.shortTermGoal')}</dt>
                  <dd className="whitespace-pre-wrap">{v.content.shortTermGoal || '—'}</dd>
                  <dt className="text-dns-14B-130">{t('career.plan.midTermGoal')}</dt>
                  <dd className="whitespace-pre-wrap">{v.content.midTermGoal || '—'}</dd>
                  <dt className="text-dns-14B-130">{t('career.plan.longTermGoal')}</dt>
                  <dd className="whitespace-pre-wrap">{v.content.longTermGoal || '—'}</dd>
                </dl>
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
