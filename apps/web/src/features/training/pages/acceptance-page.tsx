import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useApplications } from '../api/applications.ts';
import { ApplicationCard } from '../components/application-card.tsx';
import { DecisionForm } from '../components/decision-form.tsx';
import { TrainingNav } from '../components/training-nav.tsx';

const PAGE_SIZE = 20;

/**
 * /training/acceptance — HR's (and a bureau's, for its own courses) work queue: applications the
 * supervisors approved, by session date, to accept (up to capacity; then the waiting list) or reject.
 */
export function AcceptancePage() {
  const { t } = useTranslation();
  const title = t('training.acceptance.title');
  useDocumentTitle(title);
  const [page, setPage] = useState(1);
  const query = useApplications(`inbox=acceptance&page=${page}&pageSize=${PAGE_SIZE}`);
  const setNotice = useAnnounce();
  return (
    <>
      <PageHeader title={title} lead={t('training.acceptance.lead')} />
      <TrainingNav />
      <QueryContent query={query} isEmpty={(p) => p.total === 0} empty={t('training.acceptance.none')}>
        {(p) => (
          <>
            <ul className="grid gap-4">
              {p.items.map((a) => (
                <li key={a.id}>
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
            <Pager page={page} pageCount={pageCountOf(p.total, PAGE_SIZE)} onPage={setPage} />
          </>
        )}
      </QueryContent>
    </>
  );
}
