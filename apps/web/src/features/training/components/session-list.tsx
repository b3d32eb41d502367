import type { Training, TrainingSession } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useWithdraw } from '../api/applications.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { formatSessionDates, todayInJapan } from '../lib/format.ts';
import { ApplyDialog } from './apply-dialog.tsx';
import { StatusBadge } from './badges.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { cardClass, linkButtonClass } from './styles.ts';

const ACTIVE = ['applied', 'approved', 'accepted', 'waitlisted'];

/** The course's sessions: when and where, seats, the deadline, my status and what I can do now. */
export function SessionList({ training, sessions }: { training: Training; sessions: TrainingSession[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const [applying, setApplying] = useState<TrainingSession | null>(null);
  const [withdrawing, setWithdrawing] = useState<TrainingSession | null>(null);
  const [notice, setNotice] = useState('');
  const withdraw = useWithdraw();
  const withdrawError = useTrainingErrorMessage(withdraw.error);
  const today = todayInJapan();

  return (
    <>
      <p aria-live="polite" className="text-std-16B-170 text-green-1000">
        {notice}
      </p>
      <ul className="grid gap-4">
        {sessions.map((s) => {
          const mine = s.myApplication;
          const active = mine !== null && ACTIVE.includes(mine.status);
          const seatsLeft = Math.max(0, s.capacity - s.acceptedCount);
          const started = s.startsAt <= new Date().toISOString();
          const state =
            s.status === 'cancelled' ? 'cancelled' : started ? 'past' : s.open ? 'open' : 'closed';
          return (
            <li key={s.id} className={cardClass}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 id={`session-${s.id}`} className="text-std-17B-170">
                    {formatSessionDates(s.startsAt, s.endsAt, language)}
                  </h3>
                  <p className="text-std-16N-170 text-solid-gray-800">
                    {s.online ? t('training.online') : (s.venue ?? t('training.venueTbd'))}
                  </p>
                </div>
                <p className="text-dns-14B-130 text-solid-gray-800">{t(`training.sessionState.${state}`)}</p>
              </div>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-dns-14N-130 text-solid-gray-800 sm:grid-cols-[auto_1fr]">
                <dt className="font-bold">{t('training.fields.capacity')}</dt>
                <dd>
                  {t('training.seats', { accepted: s.acceptedCount, capacity: s.capacity })}
                  {s.waitlistedCount ? ` ${t('training.waitlistCount', { count: s.waitlistedCount })}` : ''}
                  {state === 'open' && seatsLeft === 0 ? ` ${t('training.full')}` : ''}
                </dd>
                <dt className="font-bold">{t('training.fields.deadline')}</dt>
                <dd>{formatDate(s.applicationDeadline, language)}</dd>
                {training.canManage && s.pendingCount ? (
                  <>
                    <dt className="font-bold">{t('training.pending')}</dt>
                    <dd>{t('training.pendingCount', { count: s.pendingCount })}</dd>
                  </>
                ) : null}
              </dl>
              <div className="mt-4 flex flex-wrap items-center gap-3">
                {mine && mine.status !== 'withdrawn' ? (
                  <p className="flex items-center gap-2 text-std-16N-170">
                    <span>{t('training.myStatus')}</span>
                    <StatusBadge
                      status={mine.status}
                      position={mine.waitlistPosition}
                      completed={mine.completed}
                    />
                  </p>
                ) : null}
                {state === 'open' && !active && !mine?.completed ? (
                  <Button onClick={() => setApplying(s)}>{t('training.apply.open')}</Button>
                ) : null}
                {active && mine && s.applicationDeadline >= today ? (
                  <Button variant="secondary" onClick={() => setWithdrawing(s)}>
                    {t('training.withdraw.open')}
                  </Button>
                ) : null}
                {training.canManage ? (
                  <Link to={`/training/sessions/${s.id}`} className={linkButtonClass}>
                    {t('training.roster.open')}
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ApplyDialog
        session={applying}
        training={training}
        courseTitle={l(training.title)}
        onClose={() => setApplying(null)}
        onApplied={() => {
          setApplying(null);
          setNotice(t('training.apply.done'));
        }}
      />
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('training.withdraw.title')}
        body={t('training.withdraw.body')}
        confirmLabel={t('training.withdraw.confirm')}
        pending={withdraw.isPending}
        error={withdrawError}
        onClose={() => {
          withdraw.reset();
          setWithdrawing(null);
        }}
        onConfirm={() => {
          const mine = withdrawing?.myApplication;
          if (!mine) return;
          withdraw.mutate(
            { id: mine.id, version: mine.version },
            {
              onSuccess: () => {
                setWithdrawing(null);
                setNotice(t('training.withdraw.done'));
              },
            },
          );
        }}
      />
    </>
  );
}
