import type { TrainingApplication } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDateTime } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useBulkDecide } from '../api/applications.ts';
import { Dialog } from './dialog.tsx';
import { errorClass } from './styles.ts';

type Decision = 'approve' | 'accept';

/** The cards a person has ticked on this page of a queue. */
export function useBulkSelection() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  return {
    ids,
    has: (id: string) => ids.has(id),
    toggle: (id: string) =>
      setIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    set: (next: Iterable<string>) => setIds(new Set(next)),
    clear: () => setIds(new Set()),
  };
}
export type BulkSelection = ReturnType<typeof useBulkSelection>;

const mayDecide = (a: TrainingApplication, decision: Decision) =>
  decision === 'accept' ? a.actions.accept : a.actions.supervise;

/** The tick on one card: labelled with the applicant and the course, so a screen reader knows which. */
export function BulkSelectBox({
  application: a,
  decision,
  selection,
}: {
  application: TrainingApplication;
  decision: Decision;
  selection: BulkSelection;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  if (!mayDecide(a, decision)) return null;
  const name = language === 'en' ? a.staff.nameEn || a.staff.name : a.staff.name;
  return (
    <label className="mb-2 flex items-center gap-2 text-std-16N-170">
      <input
        type="checkbox"
        className="size-5"
        checked={selection.has(a.id)}
        onChange={() => selection.toggle(a.id)}
      />
      {t('training.bulk.select', { name, title: l(a.training.title) })}
    </label>
  );
}

/**
 * Many approvals (a supervisor) or acceptances (HR, a bureau) at once: tick cards, then confirm in a
 * dialog that says how many, and per session how many seats are left and how many would wait. Each
 * application is decided as if alone (seats first, then the waiting list; the same notices); the
 * outcome is announced as counts, and what could not be decided is named.
 */
export function BulkDecisionBar({
  items,
  decision,
  selection,
  onDone,
}: {
  items: readonly TrainingApplication[];
  decision: Decision;
  selection: BulkSelection;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const decide = useBulkDecide();
  const key = useSubmissionKey();
  const error = useErrorMessage(decide.error);
  const eligible = items.filter((a) => mayDecide(a, decision));
  if (!eligible.length) return null;
  const chosen = eligible.filter((a) => selection.has(a.id));
  const allTicked = chosen.length === eligible.length;
  const bySession = new Map<string, { a: TrainingApplication; count: number }>();
  for (const a of chosen) {
    const s = bySession.get(a.session.id);
    bySession.set(a.session.id, { a, count: (s?.count ?? 0) + 1 });
  }
  const submit = () =>
    decide.mutate(
      {
        decision,
        items: chosen.map((a) => ({ id: a.id, version: a.version })),
        idempotencyKey: key.current(),
      },
      {
        onSuccess: (result) => {
          key.reset();
          setConfirming(false);
          selection.clear();
          const c = result.counts;
          const failed = c.stale + c.notFound + c.conflict;
          onDone(
            [
              t(`training.bulk.done.${decision}`, { count: decision === 'accept' ? c.accepted : c.approved }),
              c.waitlisted ? t('training.bulk.done.waitlisted', { count: c.waitlisted }) : '',
              failed ? t('training.bulk.done.failed', { count: failed }) : '',
            ]
              .filter(Boolean)
              .join(' '),
          );
        },
      },
    );
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded-8 border border-solid-gray-420 p-3">
      <label className="flex items-center gap-2 text-std-16N-170">
        <input
          type="checkbox"
          className="size-5"
          checked={allTicked}
          onChange={() => (allTicked ? selection.clear() : selection.set(eligible.map((a) => a.id)))}
        />
        {t('training.bulk.selectAll', { count: eligible.length })}
      </label>
      <Button disabled={!chosen.length} onClick={() => setConfirming(true)}>
        {t(`training.bulk.open.${decision}`, { count: chosen.length })}
      </Button>
      <Dialog
        open={confirming}
        title={t(`training.bulk.confirm.${decision}`, { count: chosen.length })}
        onClose={() => setConfirming(false)}
      >
        {decision === 'accept' ? (
          <>
            <p className="text-std-16N-170">{t('training.bulk.confirm.seatsLead')}</p>
            <ul className="mt-2 list-disc pl-6 text-std-16N-170">
              {[...bySession.values()].map(({ a, count }) => (
                <li key={a.session.id}>
                  {t('training.bulk.confirm.session', {
                    title: l(a.training.title),
                    when: formatDateTime(a.session.startsAt, language),
                    count,
                    left: Math.max(a.session.seatsLeft, 0),
                    waiting: Math.max(count - Math.max(a.session.seatsLeft, 0), 0),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-std-16N-170">{t('training.bulk.confirm.approveLead')}</p>
        )}
        {error && decide.isError ? (
          <p role="alert" className={`${errorClass} mt-4`}>
            {error}
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap gap-3">
          <Button onClick={submit} disabled={decide.isPending}>
            {decide.isPending
              ? t('training.sending')
              : t(`training.bulk.do.${decision}`, { count: chosen.length })}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('training.cancel')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
