import type { Survey } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import {
  badgeClass,
  cardClass,
  linkButtonClass,
  primaryLinkClass,
  sectionTitleClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, QueryContent } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useSurveys } from '../api/rounds.ts';
import { SurveyStatusBadge, SurveyWindow } from '../components/survey-status.tsx';

function ToAnswer({ surveys }: { surveys: Survey[] }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const mine = surveys.filter(
    (s) => s.myStatus !== 'not_eligible' && (s.accepting || s.myStatus === 'submitted'),
  );
  return (
    <section aria-labelledby="surveys-mine" className="mb-10">
      <h2 id="surveys-mine" className={sectionTitleClass}>
        {t('surveys.mine.title')}
      </h2>
      {mine.length === 0 ? (
        <EmptyState>{t('surveys.mine.empty')}</EmptyState>
      ) : (
        <ul className="grid gap-4">
          {mine.map((s) => (
            <li key={s.id} className={cardClass}>
              <h3 className="text-std-18B-160">{local(s.title)}</h3>
              <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
                <SurveyWindow survey={s} /> · {t('surveys.questionCount', { count: s.questions.length })}
              </p>
              <p className="mt-3">
                {s.myStatus === 'submitted' ? (
                  <span className={badgeClass}>{t('surveys.mine.submitted')}</span>
                ) : (
                  <Link className={primaryLinkClass} to={`/surveys/${s.id}/answer`}>
                    {s.myStatus === 'draft' ? t('surveys.mine.continue') : t('surveys.mine.answer')}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 max-w-prose text-dns-14N-130 text-solid-gray-700">{t('surveys.anonymityNote')}</p>
    </section>
  );
}

function Rounds({ surveys, manage }: { surveys: Survey[]; manage: boolean }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const shown = surveys.filter((s) => manage || s.canViewResults);
  return (
    <section aria-labelledby="surveys-rounds">
      <h2 id="surveys-rounds" className={sectionTitleClass}>
        {manage ? t('surveys.rounds.manageTitle') : t('surveys.rounds.title')}
      </h2>
      {manage ? (
        <p className="mb-4 flex flex-wrap gap-3">
          <Link className={primaryLinkClass} to="/surveys/new">
            {t('surveys.rounds.new')}
          </Link>
          <Link className={linkButtonClass} to="/surveys/questions">
            {t('surveys.bank.title')}
          </Link>
        </p>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState>{t('surveys.rounds.empty')}</EmptyState>
      ) : (
        <ul className="grid gap-4">
          {shown.map((s) => (
            <li key={s.id} className={cardClass}>
              <h3 className="flex flex-wrap items-center gap-2 text-std-18B-160">
                {local(s.title)} <SurveyStatusBadge survey={s} />
              </h3>
              <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
                <SurveyWindow survey={s} /> · {t('surveys.minGroupSize', { count: s.minGroupSize })}
              </p>
              <p className="mt-3 flex flex-wrap gap-3">
                {s.canViewResults ? (
                  <Link className={linkButtonClass} to={`/surveys/${s.id}/results`}>
                    {t('surveys.rounds.results', { title: local(s.title) })}
                  </Link>
                ) : null}
                {manage ? (
                  <Link className={linkButtonClass} to={`/surveys/${s.id}/edit`}>
                    {t('surveys.rounds.edit', { title: local(s.title) })}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /surveys: the rounds I may answer; the rounds whose results I read; HR's rounds and bank. */
export function SurveysPage() {
  const { t } = useTranslation();
  const title = t('surveys.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  const query = useSurveys();
  const manage = can('survey:manage:any');
  const reader =
    manage || can('survey:results:any') || can('survey:results:bureau') || can('survey:results:team');
  return (
    <>
      <PageHeader title={title} lead={t('surveys.lead')} />
      <QueryContent query={query}>
        {(page) => (
          <>
            <ToAnswer surveys={page.items} />
            {reader ? <Rounds surveys={page.items} manage={manage} /> : null}
          </>
        )}
      </QueryContent>
    </>
  );
}
