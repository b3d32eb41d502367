import type {
  Training,
  TrainingAssignmentBatch,
  TrainingAssignmentResult,
  TrainingAssignmentUndoResult,
  TrainingSession,
} from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDateTime } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { useAssign, useAssignmentBatches, useAssignPreview, useUndoAssignment } from '../api/applications.ts';
import { useTrainingOptions } from '../api/get-trainings.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { formatSessionDates, punct } from '../lib/format.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { checkboxRowClass, errorClass, labelClass, selectClass } from './styles.ts';

const BATCH_PAGE_SIZE = 10;

/**
 * 一括指名: everyone now in the chosen grades into one session, accepted up to its capacity and the rest
 * waiting in order. Nothing is ticked at first; the head count against the seats shows as grades are
 * ticked, the enrolment asks for confirmation, and each enrolment can be undone (decision 031).
 */
export function AssignForm({ training, sessions }: { training: Training; sessions: TrainingSession[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const id = useId();
  const options = useTrainingOptions();
  const open = sessions.filter((s) => s.status === 'scheduled');
  const [sessionId, setSessionId] = useState(open[0]?.id ?? '');
  const [gradeIds, setGradeIds] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<TrainingAssignmentResult | null>(null);
  const assign = useAssign();
  const preview = useAssignPreview(training.id, sessionId, gradeIds);
  const key = useSubmissionKey();
  const message = useTrainingErrorMessage(assign.error);
  const previewError = useTrainingErrorMessage(preview.error);
  if (!open.length) return <p className="text-std-16N-170">{t('training.assign.noSession')}</p>;
  const counts = gradeIds.length && preview.data && !preview.isPlaceholderData ? preview.data : null;
  const targets = training.targetGrades.map((g) => l(g.name));
  return (
    <div className="grid gap-6">
      <form
        className="grid gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!gradeIds.length || !sessionId || !counts?.toEnrol) return;
          assign.reset();
          setConfirming(true);
        }}
      >
        <div>
          <label htmlFor={`${id}-session`} className={labelClass}>
            {t('training.assign.session')}
          </label>
          <select
            id={`${id}-session`}
            className={selectClass}
            value={sessionId}
            onChange={(e) => {
              key.reset();
              setResult(null);
              setSessionId(e.target.value);
            }}
          >
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {formatSessionDates(s.startsAt, s.endsAt, language)}
                {punct(language).open}
                {t('training.seats', {
                  accepted: s.acceptedCount,
                  capacity: s.capacity,
                })}
                {punct(language).close}
              </option>
            ))}
          </select>
        </div>
        <fieldset aria-describedby={targets.length ? `${id}-targets` : undefined}>
          <legend className={labelClass}>{t('training.assign.grades')}</legend>
          {targets.length ? (
            <p id={`${id}-targets`} className="text-std-16N-170 text-solid-gray-700">
              {t('training.assign.targets', { grades: formatList(targets, language) })}
            </p>
          ) : null}
          <div className="mt-1 grid gap-1 sm:grid-cols-3">
            {options.data?.grades.map((g) => (
              <label key={g.id} className={checkboxRowClass}>
                <input
                  type="checkbox"
                  className="mt-1 size-5"
                  checked={gradeIds.includes(g.id)}
                  onChange={(e) => {
                    key.reset();
                    setResult(null);
                    setGradeIds(e.target.checked ? [...gradeIds, g.id] : gradeIds.filter((x) => x !== g.id));
                  }}
                />
                <span>{l(g.name)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div aria-live="polite" className="text-std-16N-170" data-testid="assign-preview">
          {!gradeIds.length ? (
            <p>{t('training.assign.pickGrades')}</p>
          ) : counts ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt>{t('training.assign.preview.toEnrol')}</dt>
              <dd className="font-bold">
                {t('training.assign.preview.people', { count: counts.toEnrol })}
                {counts.skipped
                  ? `${punct(language).open}${t('training.assign.preview.skipped', { count: counts.skipped })}${punct(language).close}`
                  : ''}
              </dd>
              {counts.outsideTarget ? (
                <>
                  <dt>{t('training.eligibility.badge')}</dt>
                  <dd className="font-bold text-orange-900">
                    {t('training.assign.preview.outside', { count: counts.outsideTarget })}
                  </dd>
                </>
              ) : null}
              <dt>{t('training.assign.preview.seats')}</dt>
              <dd>
                {t('training.assign.preview.seatsLeft', {
                  left: counts.seatsLeft,
                  capacity: counts.capacity,
                })}
              </dd>
              <dt>{t('training.assign.preview.outcome')}</dt>
              <dd>
                {t('training.assign.preview.split', {
                  accepted: counts.accepted,
                  waitlisted: counts.waitlisted,
                })}
              </dd>
            </dl>
          ) : previewError ? null : (
            <p>{t('training.assign.preview.counting')}</p>
          )}
        </div>
        {previewError ? (
          <p role="alert" className={errorClass}>
            {previewError}
          </p>
        ) : null}
        {counts && counts.toEnrol === 0 ? (
          <p className="text-std-16N-170">{t('training.assign.nobody')}</p>
        ) : null}
        <p aria-live="polite" className="text-std-16B-170 text-green-1000">
          {result ? t('training.assign.result', result) : ''}
        </p>
        <div>
          <Button type="submit" disabled={assign.isPending || !counts?.toEnrol}>
            {t('training.assign.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('training.assign.confirm.title')}
        body={
          counts
            ? t('training.assign.confirm.body', {
                count: counts.toEnrol,
                accepted: counts.accepted,
                waitlisted: counts.waitlisted,
                left: counts.seatsLeft,
              })
            : ''
        }
        confirmLabel={t('training.assign.confirm.ok', { count: counts?.toEnrol ?? 0 })}
        pending={assign.isPending}
        error={message}
        onConfirm={() =>
          assign.mutate(
            { trainingId: training.id, sessionId, gradeIds, idempotencyKey: key.current() },
            {
              onSuccess: (r) => {
                key.reset();
                setResult(r);
                setGradeIds([]);
                setConfirming(false);
              },
            },
          )
        }
        onClose={() => setConfirming(false)}
      />
      <AssignmentBatches trainingId={training.id} />
    </div>
  );
}

/** The course's earlier bulk enrolments, with undo for those whose session is still ahead. */
function AssignmentBatches({ trainingId }: { trainingId: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const batches = useAssignmentBatches(trainingId, page, BATCH_PAGE_SIZE);
  const undo = useUndoAssignment();
  const [undoing, setUndoing] = useState<TrainingAssignmentBatch | null>(null);
  const [undone, setUndone] = useState<TrainingAssignmentUndoResult | null>(null);
  const error = useTrainingErrorMessage(undo.error);
  const loadError = useTrainingErrorMessage(batches.error);
  const items = batches.data?.items ?? [];
  return (
    <section aria-labelledby={`${trainingId}-batches`}>
      <h3 id={`${trainingId}-batches`} className="mb-2 text-std-18B-160">
        {t('training.assign.batches.title')}
      </h3>
      <p aria-live="polite" className="text-std-16B-170 text-green-1000">
        {undone ? t('training.assign.batches.undone', undone) : ''}
      </p>
      {loadError ? (
        <p role="alert" className={errorClass}>
          {loadError}
        </p>
      ) : batches.data && !items.length ? (
        <p className="text-std-16N-170">{t('training.assign.batches.empty')}</p>
      ) : (
        <ul className="grid gap-3">
          {items.map((b) => (
            <li key={b.id} className="rounded-8 border border-solid-gray-420 p-3 text-std-16N-170">
              <p className="font-bold">
                {formatDateTime(b.createdAt, language)}
                {b.actor ? ` ${l(b.actor.name)}` : ''}
              </p>
              <p>
                {t('training.assign.batches.what', {
                  session: formatSessionDates(b.session.startsAt, b.session.endsAt, language),
                  grades: formatList(
                    b.grades.map((g) => l(g.name)),
                    language,
                  ),
                })}
              </p>
              <p>{t('training.assign.result', b)}</p>
              {b.undoneAt ? (
                <p className="font-bold">
                  {t('training.assign.batches.undoneOn', {
                    date: formatDateTime(b.undoneAt, language),
                    count: b.undoneCount ?? 0,
                  })}
                </p>
              ) : b.undoable ? (
                <Button
                  variant="secondary"
                  className="mt-2"
                  onClick={() => {
                    undo.reset();
                    setUndone(null);
                    setUndoing(b);
                  }}
                >
                  {t('training.assign.batches.undo')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={page}
        pageCount={pageCountOf(batches.data?.total ?? 0, BATCH_PAGE_SIZE)}
        onPage={setPage}
        label={t('training.assign.batches.title')}
      />
      <ConfirmDialog
        open={!!undoing}
        title={t('training.assign.batches.confirmTitle')}
        body={
          undoing
            ? t('training.assign.batches.confirmBody', {
                count: undoing.accepted + undoing.waitlisted,
                date: formatDateTime(undoing.createdAt, language),
              })
            : ''
        }
        confirmLabel={t('training.assign.batches.undo')}
        pending={undo.isPending}
        error={error}
        onConfirm={() => {
          if (!undoing) return;
          undo.mutate(
            { batchId: undoing.id },
            {
              onSuccess: (r) => {
                setUndone(r);
                setUndoing(null);
              },
            },
          );
        }}
        onClose={() => setUndoing(null)}
      />
    </section>
  );
}
