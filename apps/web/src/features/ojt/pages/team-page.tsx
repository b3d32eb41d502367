import type { TeamDashboard, TeamMember, TeamSort } from '@portal/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager } from '../../../shared/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useApplications } from '../../training/api/applications.ts';
import { useTeamDashboard } from '../api/get-team-dashboard.ts';
import { CareerPlanBadge, OverdueBadge } from '../components/badges.tsx';
import { usePersonName } from '../components/person-name.tsx';
import {
  inputClass,
  labelClass,
  linkButtonClass,
  panelClass,
  primaryLinkClass,
} from '../components/styles.ts';
import { currentFiscalYear } from '../lib/dates.ts';
import { nextSort, readTeamParams, writeTeamParams } from '../lib/team-params.ts';

/**
 * `/team`: the supervisor's staff at a glance — OJT this 年度 against each person's plan, days since
 * the last session (overdue flagged), career-plan status and self-development requests waiting —
 * sorted and paged by the API, with the links to act on each.
 */
export function TeamPage() {
  const { t } = useTranslation();
  const title = t('ojt.team.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  const [search, setSearch] = useSearchParamsWriter();
  const params = readTeamParams(search);
  const update = (change: Parameters<typeof writeTeamParams>[1]) =>
    setSearch((current) => writeTeamParams(current, change), { replace: true, preventScrollReset: true });
  const allowed = can('dashboard:read:team');
  const board = useTeamDashboard(params, { enabled: allowed });
  // Training applications waiting for my approval: acted on in the training inbox.
  const approvals = useApplications('inbox=supervisor&pageSize=1', allowed && can('training:approve:team'));

  if (!allowed) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState>{t('ojt.team.notSupervisor')}</EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} lead={t('ojt.team.lead')} />
      <div className="mb-6 flex flex-wrap gap-3">
        <Link to="/ojt/new" className={primaryLinkClass}>
          {t('ojt.team.logOjt')}
        </Link>
        {approvals.data ? (
          <Link to="/training/approvals" className={linkButtonClass}>
            {t('ojt.team.trainingApprovals', { count: approvals.data.total })}
          </Link>
        ) : null}
      </div>
      <Filters params={params} update={update} />
      {board.isPending ? (
        <LoadingState />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Board data={board.data} params={params} update={update} />
      )}
    </>
  );
}

type Params = ReturnType<typeof readTeamParams>;
type Update = (change: Parameters<typeof writeTeamParams>[1]) => void;

function Filters({ params, update }: { params: Params; update: Update }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = { q: useId(), fy: useId(), overdue: useId() };
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);
  const thisYear = currentFiscalYear();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || undefined });
  };
  return (
    <search aria-label={t('ojt.team.filters')}>
      <form
        onSubmit={onSubmit}
        className={`${panelClass} mb-6 grid gap-4 md:grid-cols-[2fr_1fr_auto] md:items-end`}
      >
        <div>
          <label htmlFor={ids.q} className={labelClass}>
            {t('ojt.team.search')}
          </label>
          <input
            id={ids.q}
            type="search"
            autoComplete="off"
            maxLength={100}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={ids.fy} className={labelClass}>
            {t('ojt.team.fiscalYear')}
          </label>
          <select
            id={ids.fy}
            value={params.fiscalYear ?? thisYear}
            onChange={(event) => {
              const fy = Number(event.target.value);
              update({ fiscalYear: fy === thisYear ? undefined : fy });
            }}
            className={inputClass}
          >
            {[thisYear, thisYear - 1, thisYear - 2].map((fy) => (
              <option key={fy} value={fy}>
                {formatFiscalYear(fy, language)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t('ojt.team.searchButton')}</Button>
        <label htmlFor={ids.overdue} className="flex min-h-11 items-center gap-2 md:col-span-3">
          <input
            id={ids.overdue}
            type="checkbox"
            className="size-5"
            checked={params.overdueOnly ?? false}
            onChange={(event) => update({ overdueOnly: event.target.checked || undefined })}
          />
          <span>{t('ojt.team.overdueOnly')}</span>
        </label>
      </form>
    </search>
  );
}

function Board({ data, params, update }: { data: TeamDashboard; params: Params; update: Update }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (data.totals.members === 0) {
    return (
      <EmptyState>
        <p>{t('ojt.team.empty')}</p>
      </EmptyState>
    );
  }
  const totals = data.totals;
  const cards: [string, string][] = [
    [t('ojt.team.totals.members'), t('ojt.team.people', { count: totals.members })],
    [t('ojt.team.totals.sessions'), t('ojt.plan.sessionsValue', { count: totals.sessions })],
    [t('ojt.team.totals.minutes'), t('ojt.team.hours', { hours: (totals.minutes / 60).toFixed(1) })],
    [t('ojt.team.totals.withPlan'), t('ojt.team.people', { count: totals.withPlan })],
    [t('ojt.team.totals.overdue'), t('ojt.team.people', { count: totals.overdue })],
    [t('ojt.team.totals.careerSubmitted'), t('ojt.team.people', { count: totals.careerPlansSubmitted })],
    [t('ojt.team.totals.selfDevPending'), t('ojt.team.requests', { count: totals.selfDevelopmentPending })],
    [t('ojt.team.totals.oneOnOneOverdue'), t('ojt.team.people', { count: totals.oneOnOneOverdue })],
  ];
  return (
    <>
      <h2 className="mb-3 text-std-20B-150">
        {t('ojt.team.summary', {
          year: formatFiscalYear(data.fiscalYear, language),
          date: formatDate(data.asOf, language),
        })}
      </h2>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded-8 border border-solid-gray-200 bg-white p-3">
            <dt className="text-dns-14N-130 text-solid-gray-700">{label}</dt>
            <dd className="mt-1 text-std-20B-150 text-solid-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      {data.items.length === 0 ? (
        <EmptyState>{t('ojt.team.noMatch')}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-std-16N-170" aria-live="polite">
            {t('ojt.team.count', {
              count: data.total,
              from: (data.page - 1) * data.pageSize + 1,
              to: (data.page - 1) * data.pageSize + data.items.length,
            })}
          </p>
          <TeamTable items={data.items} params={params} update={update} />
          <Pager page={data.page} pageCount={pageCount} onPage={(page) => update({ page })} />
        </>
      )}
    </>
  );
}

function SortHeader({
  sort,
  label,
  params,
  update,
}: {
  sort: TeamSort;
  label: string;
  params: Params;
  update: Update;
}) {
  const { t } = useTranslation();
  const active = params.sort === sort;
  const direction = params.order === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : undefined} className="px-3 py-2 text-dns-16B-130">
      <button
        type="button"
        onClick={() => update({ ...nextSort(params, sort), page: 1 })}
        className="inline-flex min-h-11 items-center gap-1 text-left underline-offset-4 hover:underline"
      >
        {label}
        <span aria-hidden="true">{active ? (params.order === 'asc' ? '▲' : '▼') : '⇅'}</span>
        <span className="sr-only">{t('ojt.team.sortBy')}</span>
      </button>
    </th>
  );
}

/** Days since the person's last 1on1 (or none yet), flagged when past the supervisor's cadence. */
function OneOnOneCell({ figures }: { figures: TeamMember['oneOnOne'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {figures.lastOn ? (
        <>
          <time dateTime={figures.lastOn}>{formatDate(figures.lastOn, language)}</time>
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {t('ojt.team.daysAgo', { count: figures.daysSinceLast ?? 0 })}
          </span>
        </>
      ) : (
        t('dialogue.team.never')
      )}
      {figures.overdue ? (
        <span className="mt-1 block">
          <OverdueBadge label={t('ojt.team.oneOnOneOverdue', { count: figures.intervalDays })} />
        </span>
      ) : null}
    </>
  );
}

function TeamTable({ items, params, update }: { items: TeamMember[]; params: Params; update: Update }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const language = useLanguage();
  const l = useLocalized();
  const name = usePersonName();
  const h = (sort: TeamSort, key: string) => (
    <SortHeader sort={sort} label={t(`ojt.team.columns.${key}`)} params={params} update={update} />
  );
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[72rem] border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{t('ojt.team.caption')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600 align-bottom">
            {h('name', 'name')}
            {h('unit', 'unit')}
            {h('progress', 'sessions')}
            {h('minutes', 'minutes')}
            {h('lastOn', 'lastOn')}
            {h('oneOnOne', 'oneOnOne')}
            {h('careerPlan', 'careerPlan')}
            {h('selfDevelopment', 'selfDevelopment')}
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('ojt.team.columns.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const who = name(m.staff);
            return (
              <tr key={m.staff.id} className="border-b border-solid-gray-200 align-top">
                <th scope="row" className="px-3 py-3 text-left font-normal">
                  <Link to={`/staff/${m.staff.id}`} className="text-std-16B-170">
                    {who}
                  </Link>
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {language === 'en' ? m.staff.name : m.staff.nameKana}
                  </span>
                </th>
                <td className="px-3 py-3">
                  {m.unit ? l(m.unit.name) : '—'}
                  {m.grade ? (
                    <span className="block text-dns-14N-130 text-solid-gray-700">{l(m.grade)}</span>
                  ) : null}
                </td>
                <td className="px-3 py-3">
                  {m.ojt.hasPlan && m.ojt.plannedSessions > 0
                    ? t('ojt.team.sessionsOfPlan', {
                        sessions: m.ojt.sessions,
                        planned: m.ojt.plannedSessions,
                      })
                    : t('ojt.plan.sessionsValue', { count: m.ojt.sessions })}
                  {!m.ojt.hasPlan ? (
                    <span className="block text-dns-14N-130 text-solid-gray-700">{t('ojt.team.noPlan')}</span>
                  ) : null}
                  {m.ojt.unacknowledged > 0 ? (
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {t('ojt.team.unacknowledged', { count: m.ojt.unacknowledged })}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-3">{t('ojt.session.minutes', { count: m.ojt.minutes })}</td>
                <td className="px-3 py-3">
                  {m.ojt.lastOn ? (
                    <>
                      <time dateTime={m.ojt.lastOn}>{formatDate(m.ojt.lastOn, language)}</time>
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('ojt.team.daysAgo', { count: m.ojt.daysSinceLast ?? 0 })}
                      </span>
                    </>
                  ) : (
                    t('ojt.team.never')
                  )}
                  {m.ojt.overdue ? (
                    <span className="mt-1 block">
                      <OverdueBadge />
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-3">
                  <OneOnOneCell figures={m.oneOnOne} />
                </td>
                <td className="px-3 py-3">
                  <Link to={`/staff/${m.staff.id}/career`} className="no-underline hover:underline">
                    <span className="sr-only">{t('ojt.team.columns.careerPlan')}: </span>
                    <CareerPlanBadge status={m.careerPlan.status} />
                    <span className="sr-only"> ({who})</span>
                  </Link>
                </td>
                <td className="px-3 py-3">
                  {m.selfDevelopmentPending > 0 ? (
                    <Link to={`/staff/${m.staff.id}/career#self-development`}>
                      {t('ojt.team.requests', { count: m.selfDevelopmentPending })}
                      <span className="sr-only"> ({who})</span>
                    </Link>
                  ) : (
                    <span className="text-solid-gray-700">—</span>
                  )}
                </td>
                <td className="px-3 py-3">
                  <ul className="grid gap-1">
                    <li>
                      <Link to={`/ojt/new?trainee=${m.staff.id}`}>
                        {t('ojt.team.logFor')}
                        <span className="sr-only"> ({who})</span>
                      </Link>
                    </li>
                    {can('one-on-one:write:team') ? (
                      <li>
                        <Link to={`/one-on-ones/new?staff=${m.staff.id}`}>
                          {t('ojt.team.recordOneOnOne')}
                          <span className="sr-only"> ({who})</span>
                        </Link>
                      </li>
                    ) : null}
                    <li>
                      <Link
                        to={`/staff/${m.staff.id}/ojt-plan${params.fiscalYear ? `?fy=${params.fiscalYear}` : ''}`}
                      >
                        {t('ojt.team.plan')}
                        <span className="sr-only"> ({who})</span>
                      </Link>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
