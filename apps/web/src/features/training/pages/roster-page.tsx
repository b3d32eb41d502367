import type { TrainingApplication, TrainingSessionRoster } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { rosterExportHref, useDecide, useRoster } from '../api/applications.ts';
import { AttendanceTable } from '../components/attendance-table.tsx';
import { StatusBadge } from '../components/badges.tsx';
import { Dialog } from '../components/dialog.tsx';
import { SessionForm } from '../components/session-form.tsx';
import {
  errorClass,
  inputClass,
  labelClass,
  linkButtonClass,
  panelClass,
  sectionTitleClass,
} from '../components/styles.ts';
import { TrainingNav } from '../components/training-nav.tsx';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { formatSessionDates, punct } from '../lib/format.ts';

/** Accept (takes a seat, or the waiting list when full) or reject with a reason, row by row. */
function RowActions({
  application: a,
  onDone,
}: {
  application: TrainingApplication;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const message = useTrainingErrorMessage(decide.error);
  const canAccept = a.status === 'approved' || a.status === 'waitlisted';
  // 不受理 only before the course: after it, or once attendance is taken, attendance is the record
  const held = a.attendance !== null || a.completed || new Date(a.session.endsAt) < new Date();
  const canReject = canAccept || (a.status === 'accepted' && !held);
  if (!canReject) return null;
  const name = a.staff.name;
  return (
    <div className="flex flex-wrap gap-2">
      {canAccept ? (
        <Button
          className="min-h-10 px-3"
          disabled={decide.isPending}
          aria-label={t('training.roster.acceptOf', { name })}
          onClick={() =>
            decide.mutate(
              { id: a.id, decision: 'accept', reason: '', version: a.version },
              {
                onSuccess: (r) =>
                  onDone(
                    t(`training.decision.done.${r.status === 'waitlisted' ? 'waitlisted' : 'accept'}`, {
                      name,
                    }),
                  ),
              },
            )
          }
        >
          {t('training.decision.accept')}
        </Button>
      ) : null}
      <Button
        variant="secondary"
        className="min-h-10 px-3"
        aria-label={t('training.roster.rejectOf', { name })}
        onClick={() => setRejecting(true)}
      >
        {t('training.decision.reject')}
      </Button>
      {message && !rejecting ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <Dialog
        open={rejecting}
        title={t('training.roster.rejectTitle', { name })}
        onClose={() => {
          decide.reset();
          setRejecting(false);
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            decide.mutate(
              { id: a.id, decision: 'reject', reason: reason.trim(), version: a.version },
              {
                onSuccess: () => {
                  setRejecting(false);
                  onDone(t('training.decision.done.reject', { name }));
                },
              },
            );
          }}
        >
          <label htmlFor={`reject-${a.id}`} className={labelClass}>
            {t('training.decision.reason')}
          </label>
          <textarea
            id={`reject-${a.id}`}
            className={`${inputClass} min-h-24`}
            value={reason}
            required
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          {message ? (
            <p role="alert" className={errorClass}>
              {message}
            </p>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button type="submit" disabled={decide.isPending || !reason.trim()}>
              {t('training.decision.reject')}
            </Button>
            <Button variant="secondary" onClick={() => setRejecting(false)}>
              {t('training.cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

function Applicants({ roster, onDone }: { roster: TrainingSessionRoster; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  if (!roster.items.length) return <p className="text-std-16N-170">{t('training.roster.empty')}</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[48rem] border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{t('training.roster.applicantsCaption')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-420">
            <th scope="col" className="px-2 py-2">
              {t('training.roster.person')}
            </th>
            <th scope="col" className="px-2 py-2">
              {t('training.roster.unit')}
            </th>
            <th scope="col" className="px-2 py-2">
              {t('training.roster.state')}
            </th>
            <th scope="col" className="px-2 py-2">
              {t('training.apply.reason')}
            </th>
            <th scope="col" className="px-2 py-2">
              {t('training.roster.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.items.map((a) => (
            <tr key={a.id} className="border-b border-solid-gray-200 align-top">
              <th scope="row" className="px-2 py-2 font-normal">
                <span className="font-bold">
                  {language === 'en' ? a.staff.nameEn || a.staff.name : a.staff.name}
                </span>
                <span className="block text-dns-14N-130 text-solid-gray-700">{a.staff.employeeNumber}</span>
              </th>
              <td className="px-2 py-2 text-dns-14N-130">
                {[a.staff.orgUnit ? l(a.staff.orgUnit.name) : '', a.staff.grade ? l(a.staff.grade.name) : '']
                  .filter(Boolean)
                  .join(punct(language).slash)}
              </td>
              <td className="px-2 py-2">
                <StatusBadge status={a.status} position={a.waitlistPosition} completed={a.completed} />
                {a.assigned ? (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{t('training.assigned')}</span>
                ) : null}
              </td>
              <td className="max-w-64 px-2 py-2 text-dns-14N-130">{a.reason}</td>
              <td className="px-2 py-2">
                <RowActions application={a} onDone={onDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /training/sessions/:id — HR's (or the owning bureau's) roster of one session. */
export function RosterPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const query = useRoster(id);
  const setNotice = useAnnounce();
  useDocumentTitle(
    query.data
      ? `${t('training.roster.title')}${punct(language).colon}${l(query.data.training.title)}`
      : t('training.roster.title'),
  );
  return (
    <QueryContent query={query}>
      {(roster) => (
        <>
          <p className="mb-4">
            <Link
              to={`/training/${roster.training.id}`}
              className="text-blue-1000 underline underline-offset-4"
            >
              {t('training.roster.backToCourse', { title: l(roster.training.title) })}
            </Link>
          </p>
          <PageHeader
            title={`${t('training.roster.title')}${punct(language).colon}${l(roster.training.title)}`}
            lead={`${formatSessionDates(roster.session.startsAt, roster.session.endsAt, language)}${punct(language).slash}${
              roster.session.online ? t('training.online') : (roster.session.venue ?? '')
            }`}
          />
          <TrainingNav />
          <dl className="mb-6 grid max-w-3xl grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                ['capacity', roster.session.capacity],
                ['accepted', roster.counts.accepted],
                ['waitlisted', roster.counts.waitlisted],
                ['awaiting', roster.counts.applied + roster.counts.approved],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="rounded-8 border border-solid-gray-200 p-3">
                <dt className="text-dns-14N-130 text-solid-gray-700">{t(`training.roster.counts.${k}`)}</dt>
                <dd className="text-std-24B-150">{v}</dd>
              </div>
            ))}
          </dl>
          <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
            {t('training.fields.deadline')}
            {punct(language).colon}
            {formatDate(roster.session.applicationDeadline, language)}
          </p>
          <div className="mb-8 flex flex-wrap gap-3">
            <a href={rosterExportHref(roster.session.id, 'csv')} className={linkButtonClass} download>
              {t('training.roster.exportCsv')}
            </a>
            <a href={rosterExportHref(roster.session.id, 'xlsx')} className={linkButtonClass} download>
              {t('training.roster.exportXlsx')}
            </a>
          </div>
          <section aria-labelledby="roster-applicants" className="mb-10">
            <h2 id="roster-applicants" className={sectionTitleClass}>
              {t('training.roster.applicants')}
            </h2>
            <Applicants roster={roster} onDone={setNotice} />
          </section>
          <section aria-labelledby="roster-attendance" className="mb-10">
            <h2 id="roster-attendance" className={sectionTitleClass}>
              {t('training.roster.attendance')}
            </h2>
            <AttendanceTable
              key={roster.items.map((a) => `${a.id}:${a.version}`).join()}
              roster={roster}
              onSaved={setNotice}
            />
          </section>
          <section aria-labelledby="roster-edit" className={panelClass}>
            <h2 id="roster-edit" className={sectionTitleClass}>
              {t('training.session.editTitle')}
            </h2>
            <SessionForm
              key={roster.session.version}
              trainingId={roster.training.id}
              session={roster.session}
            />
          </section>
        </>
      )}
    </QueryContent>
  );
}
