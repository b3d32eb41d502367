import type { MyDashboard } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useMyDashboard } from '../api/get-my-dashboard.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { PlanStatusBadge } from './badges.tsx';
import { subTitleClass } from './styles.ts';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-12 border border-solid-gray-200 bg-white p-4">
      <dt className="text-dns-14B-130 text-solid-gray-700">{label}</dt>
      <dd className="mt-1 text-std-16N-170 text-solid-gray-900">{children}</dd>
    </div>
  );
}

function Figures({ data }: { data: MyDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const awaitingId = useId();
  const hours = (minutes: number) =>
    t('figures.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return (
    <>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="my-figures">
        <Figure label={t('figures.ojt')}>
          <span className="text-std-24B-150">{t('figures.sessions', { count: data.ojt.sessions })}</span>
          <span className="block">{hours(data.ojt.minutes)}</span>
          {data.ojt.lastOn ? (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('figures.lastOn', { date: formatDate(data.ojt.lastOn, language) })}
            </span>
          ) : null}
          {data.ojt.toAcknowledge ? (
            <Link to="/ojt" className="mt-2 block">
              {t('figures.toAcknowledge', { count: data.ojt.toAcknowledge })}
            </Link>
          ) : null}
        </Figure>
        <Figure label={t('figures.plan')}>
          <PlanStatusBadge status={data.careerPlan.status} />
          {data.careerPlan.lastCommentAt ? (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('figures.lastComment', {
                date: formatInstant(data.careerPlan.lastCommentAt, language),
              })}
            </span>
          ) : null}
          <Link to="/career#plan" className="mt-2 block">
            {data.careerPlan.status === 'none' ? t('figures.writePlan') : t('figures.openPlan')}
          </Link>
        </Figure>
        <Figure label={t('figures.selfDev')}>
          <span className="text-std-24B-150">
            {t('figures.records', { count: data.selfDevelopment.records })}
          </span>
          <span className="block">
            {t('figures.selfDevDetail', {
              completed: data.selfDevelopment.completed,
              hours: data.selfDevelopment.hours,
            })}
          </span>
          {data.selfDevelopment.pendingSupport ? (
            <span className="block text-dns-14B-130 text-orange-900">
              {t('figures.pendingSupport', { count: data.selfDevelopment.pendingSupport })}
            </span>
          ) : null}
          <Link to="/career#self-development" className="mt-2 block">
            {t('figures.openSelfDev')}
          </Link>
        </Figure>
        <Figure label={t('figures.training')}>
          <span className="text-std-24B-150">
            {t('figures.completed', { count: data.training.completed })}
          </span>
          <span className="block">{t('figures.accepted', { count: data.training.accepted })}</span>
        </Figure>
      </dl>
      {data.awaitingMe.length ? (
        <section aria-labelledby={awaitingId} className="mt-4">
          <h3 id={awaitingId} className={subTitleClass}>
            {t('figures.awaitingTitle')}
          </h3>
          <ul className="mt-2 grid gap-2" data-testid="awaiting-me">
            {data.awaitingMe.map((a) => (
              <li key={`${a.kind}-${a.staff.id}-${a.since}`}>
                <Link
                  to={`/staff/${a.staff.id}/career${a.kind === 'career_plan' ? '#plan' : '#self-development'}`}
                >
                  {t(`figures.awaiting.${a.kind}`, { name: personName(a.staff, language) })}
                </Link>
                <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                  {formatInstant(a.since, language)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** "My figures" this 年度: OJT received, career-plan status, self-development, training; and what waits for me. */
export function MyFiguresCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useMyDashboard();
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-12 bg-solid-gray-50 p-4 md:p-6">
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {query.data
          ? t('figures.title', { year: formatFiscalYear(query.data.fiscalYear, language) })
          : t('figures.titlePlain')}
      </h2>
      <QueryContent query={query}>{(data) => <Figures data={data} />}</QueryContent>
    </section>
  );
}
