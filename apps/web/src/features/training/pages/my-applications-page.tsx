import type { TrainingApplication } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useApplications, useWithdraw } from '../api/applications.ts';
import { FeedbackForm, PracticeReportForm } from '../components/after-course-forms.tsx';
import { ApplicationCard } from '../components/application-card.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { TrainingNav } from '../components/training-nav.tsx';
import { useTrainingErrorMessage } from '../lib/errors.ts';

const PAGE_SIZE = 20;

function Actions({
  application: a,
  onDone,
}: {
  application: TrainingApplication;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useWithdraw();
  const error = useTrainingErrorMessage(withdraw.error);
  return (
    <>
      {a.actions.feedback ? (
        <details className="rounded-8 border border-solid-gray-200 p-3" open>
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
            {t('training.feedback.open')}
          </summary>
          <FeedbackForm application={a} onDone={onDone} />
        </details>
      ) : null}
      {a.actions.practiceReport ? (
        <details className="rounded-8 border border-solid-gray-200 p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
            {t('training.practice.open')}
          </summary>
          <PracticeReportForm application={a} onDone={onDone} />
        </details>
      ) : null}
      {a.actions.withdraw ? (
        <div>
          <Button variant="secondary" onClick={() => setWithdrawing(true)}>
            {t('training.withdraw.open')}
          </Button>
          <ConfirmDialog
            open={withdrawing}
            title={t('training.withdraw.title')}
            body={t('training.withdraw.body')}
            confirmLabel={t('training.withdraw.confirm')}
            pending={withdraw.isPending}
            error={error}
            onClose={() => {
              withdraw.reset();
              setWithdrawing(false);
            }}
            onConfirm={() =>
              withdraw.mutate(
                { id: a.id, version: a.version },
                {
                  onSuccess: () => {
                    setWithdrawing(false);
                    onDone(t('training.withdraw.done'));
                  },
                },
              )
            }
          />
        </div>
      ) : null}
    </>
  );
}

/** /training/applications — everything I applied for or was enrolled in, newest session first. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const title = t('training.mine.title');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParamsWriter();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useApplications(`mine=true&page=${page}&pageSize=${PAGE_SIZE}`);
  const setNotice = useAnnounce();
  return (
    <>
      <PageHeader title={title} lead={t('training.mine.lead')} />
      <TrainingNav />
      <QueryContent
        query={query}
        isEmpty={(p) => p.total === 0}
        empty={
          <>
            {t('training.mine.empty')}{' '}
            <Link to="/training" className="text-blue-1000 underline underline-offset-4">
              {t('training.mine.toCatalogue')}
            </Link>
          </>
        }
      >
        {(p) => (
          <>
            <ul className="grid gap-4">
              {p.items.map((a) => (
                <li key={a.id}>
                  <ApplicationCard application={a} headingLevel={2}>
                    {a.actions.feedback || a.actions.practiceReport || a.actions.withdraw ? (
                      <Actions application={a} onDone={setNotice} />
                    ) : null}
                  </ApplicationCard>
                </li>
              ))}
            </ul>
            <Pager
              page={page}
              pageCount={pageCountOf(p.total, PAGE_SIZE)}
              onPage={(n) => setParams(n > 1 ? { page: String(n) } : {})}
            />
          </>
        )}
      </QueryContent>
    </>
  );
}
