import type { OneOnOneAction } from '@portal/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { useUpdateAction } from '../api/update-action.ts';
import { usePersonName } from './person-name.ts';

/**
 * One agreed action: a checkbox for its owner and the 1on1's author (a tap marks it done, another
 * opens it again), its owner and due date; an overdue one says so in words, not only in colour.
 */
export function ActionItem({ action, context }: { action: OneOnOneAction; context?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const id = useId();
  const update = useUpdateAction();
  const error = useErrorMessage(update.error);
  const saved = action.doneAt !== null;
  // what the reader ticked shows at once; the saved state takes over once it is read back
  const [ticked, setTicked] = useState<boolean | null>(null);
  useEffect(() => setTicked(null), [saved]);
  const done = ticked ?? saved;
  const today = new Date().toISOString().slice(0, 10);
  const overdue = !done && action.dueOn !== null && action.dueOn < today;
  const meta = [
    t('dialogue.actions.owner', { name: name(action.owner) }),
    action.dueOn ? t('dialogue.actions.due', { date: formatDate(action.dueOn, language) }) : null,
    context ?? null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="flex items-start gap-3 rounded-8 border border-solid-gray-200 bg-white p-3">
      {action.canUpdate ? (
        <input
          id={id}
          type="checkbox"
          className="mt-1 size-6 shrink-0"
          checked={done}
          disabled={update.isPending}
          onChange={(event) => {
            const value = event.target.checked;
            setTicked(value);
            update.mutate(
              { id: action.id, done: value, version: action.version },
              { onError: () => setTicked(null) },
            );
          }}
          aria-describedby={`${id}-meta`}
        />
      ) : null}
      <div className="min-w-0">
        {action.canUpdate ? (
          <label htmlFor={id} className={`text-std-16B-170 ${done ? 'line-through' : ''}`}>
            {action.text}
          </label>
        ) : (
          <p className={`text-std-16B-170 ${done ? 'line-through' : ''}`}>{action.text}</p>
        )}
        <p id={`${id}-meta`} className="text-dns-14N-130 text-solid-gray-700">
          {meta}
          {done ? ` · ${t('dialogue.actions.done')}` : ''}
          {overdue ? <span className="text-error-2"> · {t('dialogue.actions.overdue')}</span> : null}
        </p>
        {update.isError ? (
          <p role="alert" className="text-dns-14N-130 text-error-2">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}
