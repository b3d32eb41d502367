import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useApplications } from '../api/applications.ts';
import { ConfirmPracticeForm } from '../components/after-course-forms.tsx';
import { ApplicationCard } from '../components/application-card.tsx';
import { BulkDecisionBar, BulkSelectBox, useBulkSelection } from '../components/bulk-decisions.tsx';
import { DecisionForm } from '../components/decision-form.tsx';
import { sectionTitleClass } from '../components/styles.ts';
import { TrainingNav } from '../components/training-nav.tsx';

const PAGE_SIZE = 20;

/**
 * /training/approvals — the supervisor's inbox: my staff's applications waiting for approval
 * (oldest first), and their 職場での実践 reports to confirm.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const title = t('training.approvals.title');
  useDocumentTitle(title);
  const [page, setPage] = useState(1);
  const [practicePage, setPracticePage] = useState(1);
  const pending = useApplications(`inbox=supervisor&page=${page}&pageSize=${PAGE_SIZE}`);
  const practice = useApplications(`inbox=practice&page=${practicePage}&pageSize=${PAGE_SIZE}`);
  const [notice, setNotice] = useState('');
  const selection = useBulkSelection();
  return (
    <>
      <PageHeader title={title} lead={t('training.approvals.lead')} />
      <TrainingNav />
      <p aria-live="polite" className="mb-4 text-std-16B-170 text-green-1000">
        {notice}
      </p>
      <section aria-labelledby="approvals-pending" className="mb-10">
        <h2 id="approvals-pending" className={sectionTitleClass}>
          {t('training.approvals.pending')}
          {pending.data ? `${t('training.approvals.count', { count: pending.data.total })}` : ''}
        </h2>
        <QueryContent query={pending} isEmpty={(p) => p.total === 0} empty={t('training.approvals.none')}>
          {(p) => (
            <>
              <BulkDecisionBar items={p.items} decision="approve" selection={selection} onDone={setNotice} />
              <ul className="grid gap-4">
                {p.items.map((a) => (
                  <li key={a.id}>
                    <BulkSelectBox application={a} decision="approve" selection={selection} />
                    <ApplicationCard application={a} showApplicant>
                      <DecisionForm application={a} step="supervisor" onDone={setNotice} />
                    </ApplicationCard>
                  </li>
                ))}
              </ul>
              <Pager
                page={page}
                pageCount={pageCountOf(p.total, PAGE_SIZE)}
                onPage={(next) => {
                  selection.clear();
                  setPage(next);
                }}
              />
            </>
          )}
        </QueryContent>
      </section>
      <section aria-labelledby="approvals-practice">
        <h2 id="approvals-practice" className={sectionTitleClass}>
          {t('training.approvals.practice')}
          {practice.data ? `${t('training.approvals.count', { count: practice.data.total })}` : ''}
        </h2>
        <QueryContent
          query={practice}
          isEmpty={(p) => p.total === 0}
          empty={t('training.approvals.noPractice')}
        >
          {(p) => (
            <>
              <ul className="grid gap-4">
                {p.items.map((a) => (
                  <li key={a.id}>
                    <ApplicationCard application={a} showApplicant>
                      <ConfirmPracticeForm application={a} onDone={setNotice} />
                    </ApplicationCard>
                  </li>
                ))}
              </ul>
              <Pager
                page={practicePage}
                pageCount={pageCountOf(p.total, PAGE_SIZE)}
                onPage={setPracticePage}
              />
            </>
          )}
        </QueryContent>
      </section>
    </>
  );
}
