import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useOpenActions } from '../api/get-open-actions.ts';
import { ActionItem } from './action-item.tsx';
import { usePersonName } from './person-name.ts';

/**
 * Open 1on1 actions on the reader's side — those they own and those of the 1on1s they recorded —
 * until done. On the start page (`quiet`: nothing at all when there are none) and the 1on1 page.
 */
export function OpenActions({ quiet = false }: { quiet?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const id = useId();
  const actions = useOpenActions();
  if (quiet && (actions.isError || !actions.data?.items.length)) return null;
  return (
    <section aria-labelledby={id} data-testid="open-actions">
      <h3 id={id} className="text-std-18B-160 text-solid-gray-900">
        {t('dialogue.actions.openTitle')}
        {actions.data?.total ? ` (${actions.data.total})` : ''}
      </h3>
      {actions.isPending ? (
        <LoadingState />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />
      ) : actions.data.items.length === 0 ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('dialogue.actions.noneOpen')}</p>
      ) : (
        <ul className="mt-3 grid gap-2">
          {actions.data.items.map((a) => (
            <ActionItem
              key={a.id}
              action={a}
              context={t('dialogue.actions.from', {
                date: formatDate(a.heldOn, language),
                name: name(a.staff),
              })}
            />
          ))}
        </ul>
      )}
      {quiet ? (
        <Link to="/one-on-ones" className="mt-2 inline-block">
          {t('dialogue.actions.toAll')}
        </Link>
      ) : null}
    </section>
  );
}
