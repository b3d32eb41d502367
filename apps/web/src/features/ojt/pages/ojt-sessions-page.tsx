import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useOjtPlan } from '../api/get-ojt-plan.ts';
import { useOjtSessions } from '../api/get-ojt-sessions.ts';
import type { OjtSessionFilters } from '../api/keys.ts';
import { OjtPlanView } from '../components/ojt-plan-view.tsx';
import { SessionCard } from '../components/session-card.tsx';
import { cardClass, primaryLinkClass } from '../components/styles.ts';
import { currentFiscalYear } from '../lib/dates.ts';

type View = 'received' | 'given' | 'all';
const PAGE_SIZE = 20;

/**
 * `/ojt`: OJT sessions. Everyone sees what they received, with their own 年間OJT計画, and
 * acknowledges each session with a 振り返り; a supervisor also sees the sessions they gave; bureau
 * officers, HR and executives everything in their scope.
 */
export function OjtSessionsPage() {
  const { t } = useTranslation();
  const title = t('ojt.sessions.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  const me = useMe();
  const [search, setSearch] = useSearchParamsWriter();
  const canGive = can('ojt:create:team');
  const canSeeAll = can('staff:read:bureau') || can('staff:read:any');
  const views: View[] = [
    'received',
    ...(canGive ? (['given'] as const) : []),
    ...(canSeeAll ? (['all'] as const) : []),
  ];
  const requested = search.get('view') as View | null;
  const view: View = requested && views.includes(requested) ? requested : 'received';
  const pendingOnly = search.get('pending') === '1';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const set = (change: Record<string, string | undefined>) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('page');
        for (const [k, v] of Object.entries(change)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const myId = me.data?.staff.id;
  const filters: OjtSessionFilters = {
    ...(view === 'received' ? { staffId: myId } : view === 'given' ? { supervisorId: 'me' } : {}),
    ...(pendingOnly ? { acknowledged: false } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const sessions = useOjtSessions(filters, { enabled: Boolean(myId) });
  const pendingId = useId();

  return (
    <>
      <PageHeader title={title} lead={t('ojt.sessions.lead')} />
      {canGive ? (
        <div className="mb-6 flex flex-wrap gap-3">
          <Link to="/ojt/new" className={primaryLinkClass}>
            {t('ojt.team.logOjt')}
          </Link>
        </div>
      ) : null}
      {views.length > 1 ? (
        <nav aria-label={t('ojt.sessions.views')} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {views.map((v) => (
              <li key={v}>
                <Link
                  to={`?view=${v}`}
                  aria-current={view === v ? 'page' : undefined}
                  className="inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 px-4 text-oln-16B-100 no-underline aria-[current=page]:bg-blue-900 aria-[current=page]:text-white"
                >
                  {t(`ojt.sessions.view.${v}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {view === 'received' && myId ? <MyPlan staffId={myId} /> : null}

      <h2 className="mt-8 mb-3 text-std-22B-150">{t(`ojt.sessions.heading.${view}`)}</h2>
      <label htmlFor={pendingId} className="mb-4 flex min-h-11 items-center gap-2">
        <input
          id={pendingId}
          type="checkbox"
          className="size-5"
          checked={pendingOnly}
          onChange={(event) => set({ pending: event.target.checked ? '1' : undefined })}
        />
        <span>{t('ojt.sessions.pendingOnly')}</span>
      </label>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyState>
          {pendingOnly ? t('ojt.sessions.emptyPending') : t(`ojt.sessions.empty.${view}`)}
          {view === 'given' ? (
            <Link to="/ojt/new" className="ml-1">
              {t('ojt.team.logOjt')}
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-std-16N-170" aria-live="polite">
            {t('ojt.sessions.count', { count: sessions.data.total })}
          </p>
          <ul className="grid gap-4">
            {sessions.data.items.map((s) => (
              <li key={s.id}>
                <SessionCard
                  session={s}
                  show={view === 'received' ? 'trainee' : view === 'given' ? 'supervisor' : 'both'}
                />
              </li>
            ))}
          </ul>
          <Pager
            page={sessions.data.page}
            pageCount={pageCountOf(sessions.data.total, sessions.data.pageSize)}
            onPage={(p) => set({ page: String(p) })}
          />
        </>
      )}
    </>
  );
}

function MyPlan({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const plan = useOjtPlan(staffId, currentFiscalYear());
  return (
    <div className={cardClass}>
      {plan.isPending ? (
        <LoadingState />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <>
          <OjtPlanView plan={plan.data} />
          {plan.data.version === 0 ? (
            <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('ojt.plan.noneYetStaff')}</p>
          ) : null}
        </>
      )}
    </div>
  );
}
