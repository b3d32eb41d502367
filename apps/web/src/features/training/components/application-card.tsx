import type { TrainingApplication } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { formatSessionDates, japanDay, punct } from '../lib/format.ts';
import { KindBadge, StatusBadge } from './badges.tsx';
import { cardClass } from './styles.ts';

/**
 * One application: the course and session, its state (and place on the waiting list), who decided
 * what and why, attendance, the survey and the practice report. `showApplicant` for inboxes;
 * `children` for the actions the reader has.
 */
export function ApplicationCard({
  application: a,
  showApplicant = false,
  headingLevel = 3,
  children,
}: {
  application: TrainingApplication;
  showApplicant?: boolean;
  /** 2 when the list sits right under the page's h1, 3 under a section's h2: no level is skipped */
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const p = punct(language);
  const name = (p: { name: string; nameEn: string }) => (language === 'en' ? p.nameEn || p.name : p.name);
  const headingId = `application-${a.id}`;
  return (
    <article className={cardClass} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={a.training.kind} />
        <StatusBadge status={a.status} position={a.waitlistPosition} completed={a.completed} />
        {a.assigned ? (
          <span className="text-dns-14B-130 text-solid-gray-700">{t('training.assigned')}</span>
        ) : null}
        {showApplicant && a.outsideTarget.length ? (
          <span className="rounded-8 border border-orange-800 bg-orange-50 px-2 py-0.5 text-dns-14B-130 text-orange-900">
            {t('training.eligibility.badge')}
          </span>
        ) : null}
      </div>
      <Heading id={headingId} className="mt-2 text-std-18B-160">
        {showApplicant ? `${name(a.staff)} — ` : ''}
        <Link to={`/training/${a.training.id}`} className="text-blue-1000 underline underline-offset-4">
          {l(a.training.title)}
        </Link>
      </Heading>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-dns-14N-130 text-solid-gray-800 sm:grid-cols-[auto_1fr]">
        {showApplicant ? (
          <>
            <dt className="font-bold">{t('training.applicant')}</dt>
            <dd>
              {[
                name(a.staff),
                a.staff.orgUnit ? l(a.staff.orgUnit.name) : '',
                a.staff.grade ? l(a.staff.grade.name) : '',
              ]
                .filter(Boolean)
                .join(p.slash)}
            </dd>
          </>
        ) : null}
        {showApplicant && a.outsideTarget.length ? (
          <>
            <dt className="font-bold">{t('training.eligibility.label')}</dt>
            <dd>
              {a.outsideTarget.map((m) => t(`training.eligibility.miss.${m}`)).join(p.list)}
              {p.open}
              {t('training.eligibility.mayAccept')}
              {p.close}
            </dd>
          </>
        ) : null}
        <dt className="font-bold">{t('training.fields.dates')}</dt>
        <dd>
          {formatSessionDates(a.session.startsAt, a.session.endsAt, language)}
          {a.session.status === 'cancelled'
            ? `${p.open}${t('training.sessionState.cancelled')}${p.close}`
            : ''}
        </dd>
        <dt className="font-bold">{t('training.fields.venue')}</dt>
        <dd>{a.session.online ? t('training.online') : (a.session.venue ?? t('training.venueTbd'))}</dd>
        <dt className="font-bold">{t('training.fields.deadline')}</dt>
        <dd>{formatDate(a.session.applicationDeadline, language)}</dd>
        {showApplicant ? (
          <>
            <dt className="font-bold">{t('training.seatsLeft.label')}</dt>
            <dd className={a.session.seatsLeft === 0 ? 'font-bold text-error-2' : undefined}>
              {a.session.seatsLeft === 0
                ? t('training.seatsLeft.full', { capacity: a.session.capacity })
                : t('training.seatsLeft.value', { left: a.session.seatsLeft, capacity: a.session.capacity })}
            </dd>
          </>
        ) : null}
        {a.reason ? (
          <>
            <dt className="font-bold">{t('training.apply.reason')}</dt>
            <dd className="whitespace-pre-line">{a.reason}</dd>
          </>
        ) : null}
        {a.supervisorDecision ? (
          <>
            <dt className="font-bold">{t('training.supervisorDecision')}</dt>
            <dd>
              {t('training.decidedBy', {
                name: a.supervisorDecision.by ? name(a.supervisorDecision.by) : '—',
                date: formatDate(japanDay(a.supervisorDecision.at), language),
              })}
              {a.supervisorDecision.reason ? `${p.colon}${a.supervisorDecision.reason}` : ''}
            </dd>
          </>
        ) : null}
        {a.hrDecision ? (
          <>
            <dt className="font-bold">{t('training.hrDecision')}</dt>
            <dd>
              {t('training.decidedBy', {
                name: a.hrDecision.by ? name(a.hrDecision.by) : '—',
                date: formatDate(japanDay(a.hrDecision.at), language),
              })}
              {a.hrDecision.reason ? `${p.colon}${a.hrDecision.reason}` : ''}
            </dd>
          </>
        ) : null}
        {a.attendance ? (
          <>
            <dt className="font-bold">{t('training.fields.attendance')}</dt>
            <dd>
              {t(`training.attendance.${a.attendance}`)}
              {a.completedOn
                ? `${p.open}${t('training.completedOn', { date: formatDate(a.completedOn, language) })}${p.close}`
                : ''}
            </dd>
          </>
        ) : null}
        {a.feedback ? (
          <>
            <dt className="font-bold">{t('training.feedback.title')}</dt>
            <dd>
              {t('training.feedback.summary', a.feedback)}
              {a.feedback.comment ? `${p.colon}${a.feedback.comment}` : ''}
            </dd>
          </>
        ) : null}
        {a.practiceReport ? (
          <>
            <dt className="font-bold">{t('training.practice.title')}</dt>
            <dd>
              <p className="whitespace-pre-line">{a.practiceReport.body}</p>
              <p className="mt-1">
                {a.practiceReport.confirmedAt
                  ? t('training.practice.confirmedBy', {
                      name: a.practiceReport.confirmedBy ? name(a.practiceReport.confirmedBy) : '—',
                      date: formatDate(japanDay(a.practiceReport.confirmedAt), language),
                    })
                  : t('training.practice.waiting')}
                {a.practiceReport.supervisorComment ? `${p.colon}${a.practiceReport.supervisorComment}` : ''}
              </p>
            </dd>
          </>
        ) : null}
      </dl>
      {children ? <div className="mt-4 grid gap-4">{children}</div> : null}
    </article>
  );
}
