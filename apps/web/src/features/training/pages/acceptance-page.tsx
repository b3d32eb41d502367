import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useApplications } from '../api/applications.ts';
import { ApplicationCard } from '../components/application-card.tsx';
import { BulkDecisionBar, BulkSelectBox, useBulkSelection } from '../components/bulk-decisions.tsx';
import { DecisionForm } from '../components/decision-form.tsx';
import { QueueFilterForm } from '../components/queue-filter-form.tsx';
import { TrainingNav } from '../components/training-nav.tsx';
import {
  type QueueFilters,
  readQueueFilters,
  toQueueQuery,
  writeQueueFilters,
} from '../lib/queue-filters.ts';

const PAGE_SIZE = 20;

/**
 * /training/acceptance — HR's (and a bureau's, for its own courses) work queue: applications the
 * supervisors approved, by session date, to accept (up to capacity; then the waiting list) or reject.
 * Filtered by course, session and the applicant's 局・区, kept in the URL; each card shows the seats left.
 */
export function AcceptancePage() {
  const { t } = useTranslation();
  const title = t('training.acceptance.title');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParamsWriter();
  const filters = readQueueFilters(params);
  const setFilters = (next: QueueFilters) => setParams(writeQueueFilters(next));
  // A ticked card that a new filter hides is not decided unseen: the bar decides only what is listed
  const filtered = Boolean(filters.trainingId || filters.sessionId || filters.bureauId);
  const query = useApplications(toQueueQuery(filters, PAGE_SIZE));
  const setNotice = useAnnounce();
  const selection = useBulkSelection();
  return (
    <>
      <PageHeader title={title} lead={t('training.acceptance.lead')} />
      <TrainingNav />
      <QueueFilterForm filters={filters} onChange={setFilters} />
      <QueryContent
        query={query}
        isEmpty={(p) => p.total === 0}
        empty={filtered ? t('training.acceptance.noMatch') : t('training.acceptance.none')}
      >
        {(p) => (
          <>
            <BulkDecisionBar items={p.items} decision="accept" selection={selection} onDone={setNotice} />
            <ul className="grid gap-4">
              {p.items.map((a) => (
                <li key={a.id}>
                  <BulkSelectBox application={a} decision="accept" selection={selection} />
                  <ApplicationCard application={a} headingLevel={2} showApplicant>
                    <DecisionForm application={a} step="hr" onDone={setNotice} />
                    <p>
                      <Link
                        to={`/training/sessions/${a.session.id}`}
                        className="text-blue-1000 underline underline-offset-4"
                      >
                        {t('training.roster.open')}
                      </Link>
                    </p>
                  </ApplicationCard>
                </li>
              ))}
            </ul>
            <Pager
              page={filters.page}
              pageCount={pageCountOf(p.total, PAGE_SIZE)}
              onPage={(page) => {
                selection.clear();
                setFilters({ ...filters, page });
              }}
            />
          </>
        )}
      </QueryContent>
    </>
  );
}
