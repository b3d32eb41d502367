import type { Training } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { useTraining, useTrainingSessions } from '../api/get-training.ts';
import { AssignForm } from '../components/assign-form.tsx';
import { KindBadge, MandatoryBadge, ProgressBadge } from '../components/badges.tsx';
import { SessionForm } from '../components/session-form.tsx';
import { SessionList } from '../components/session-list.tsx';
import { linkButtonClass, panelClass, sectionTitleClass } from '../components/styles.ts';
import { TrainingNav } from '../components/training-nav.tsx';
import { punct } from '../lib/format.ts';

function Details({ training }: { training: Training }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const description = l(training.description);
  return (
    <section aria-labelledby="course-about" className="mb-10">
      <h2 id="course-about" className="sr-only">
        {t('training.course.about')}
      </h2>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <KindBadge kind={training.kind} />
        {training.mandatory ? <MandatoryBadge /> : null}
        <ProgressBadge progress={training.myProgress} />
        {!training.active ? <span className="text-dns-14B-130">{t('training.inactive')}</span> : null}
      </div>
      {description ? (
        <p className="mb-4 max-w-prose text-std-16N-170 whitespace-pre-line">{description}</p>
      ) : null}
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 text-std-16N-170 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('training.fields.code')}</dt>
        <dd>{training.code}</dd>
        <dt className="font-bold">{t('training.fields.targetGrades')}</dt>
        <dd>
          {training.targetGrades.length
            ? formatList(
                training.targetGrades.map((g) => l(g.name)),
                language,
              )
            : t('training.allGrades')}
        </dd>
        {training.targetJobFamilies.length ? (
          <>
            <dt className="font-bold">{t('training.fields.jobFamilies')}</dt>
            <dd>
              {formatList(
                training.targetJobFamilies.map((j) => l(j.name)),
                language,
              )}
            </dd>
          </>
        ) : null}
        <dt className="font-bold">{t('training.fields.hours')}</dt>
        <dd>{t('training.hoursValue', { count: training.hours })}</dd>
        {training.ownerBureau ? (
          <>
            <dt className="font-bold">{t('training.fields.ownerBureau')}</dt>
            <dd>{l(training.ownerBureau.name)}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('training.fields.fiscalYears')}</dt>
        <dd>{training.fiscalYears.map((fy) => formatFiscalYear(fy, language)).join(punct(language).list)}</dd>
        {training.feedback ? (
          <>
            <dt className="font-bold">{t('training.course.feedback')}</dt>
            <dd>
              {t('training.course.feedbackValue', {
                satisfaction: training.feedback.satisfaction,
                usefulness: training.feedback.usefulness,
                responses: training.feedback.count,
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <PolicyLinkChips links={training.links} className="mt-4" />
    </section>
  );
}

function Sessions({ training }: { training: Training }) {
  const { t } = useTranslation();
  const query = useTrainingSessions(training.id);
  return (
    <>
      <section aria-labelledby="course-sessions" className="mb-10">
        <h2 id="course-sessions" className={sectionTitleClass}>
          {t('training.course.sessions')}
        </h2>
        <QueryContent
          query={query}
          isEmpty={(p) => p.items.length === 0}
          empty={
            training.canManage ? t('training.course.noSessionsManager') : t('training.course.noSessions')
          }
        >
          {(page) => <SessionList training={training} sessions={page.items} />}
        </QueryContent>
      </section>
      {training.canManage ? (
        <>
          <section aria-labelledby="course-add-session" className={`${panelClass} mb-8`}>
            <h2 id="course-add-session" className={sectionTitleClass}>
              {t('training.session.addTitle')}
            </h2>
            <SessionForm trainingId={training.id} />
          </section>
          {query.data ? (
            <section aria-labelledby="course-assign" className={`${panelClass} mb-8`}>
              <h2 id="course-assign" className={sectionTitleClass}>
                {t('training.assign.title')}
              </h2>
              <p className="mb-4 max-w-prose text-std-16N-170">{t('training.assign.lead')}</p>
              <AssignForm training={training} sessions={query.data.items} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** /training/:id — a course: what it is, its sessions with my status, and the manager's tools. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useLocalized();
  const query = useTraining(id);
  useDocumentTitle(query.data ? l(query.data.title) : t('training.catalogue.title'));
  return (
    <>
      <p className="mb-4">
        <Link to="/training" className="text-blue-1000 underline underline-offset-4">
          {t('training.backToCatalogue')}
        </Link>
      </p>
      <QueryContent query={query}>
        {(training) => (
          <>
            <PageHeader title={l(training.title)} />
            <TrainingNav />
            {training.canManage ? (
              <p className="mb-6">
                <Link to={`/training/${training.id}/edit`} className={linkButtonClass}>
                  {t('training.editor.edit')}
                </Link>
              </p>
            ) : null}
            <Details training={training} />
            <Sessions training={training} />
          </>
        )}
      </QueryContent>
    </>
  );
}
