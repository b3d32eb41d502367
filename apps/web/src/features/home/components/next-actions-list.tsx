import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useWaitingCounts } from '../api/get-waiting-counts.ts';
import { type ActionCount, nextActions } from '../lib/next-actions.ts';

/** What the reader may do next, by their permissions; links, with what waits there when we know it. */
export function NextActionsList() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const me = useMe();
  const id = useId();
  const actions = useMemo(() => nextActions(can), [can]);
  const wanted = useMemo(
    () => new Set(actions.flatMap((a) => (a.count ? [a.count] : [])) as ActionCount[]),
    [actions],
  );
  const counts = useWaitingCounts(wanted, me.data?.staff.id);

  if (actions.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-std-18B-160 text-solid-gray-900">
        {t('home.actions.title')}
      </h3>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="next-actions">
        {actions.map((action) => {
          const count = action.count ? counts[action.count] : undefined;
          const waiting = count !== undefined && count > 0;
          return (
            <li key={action.id}>
              <Link
                to={waiting && action.toWhenWaiting ? action.toWhenWaiting : action.to}
                className="flex h-full min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-8 border border-solid-gray-200 bg-white px-4 py-3 text-std-16B-170 text-blue-1000 no-underline hover:border-blue-900 hover:bg-blue-50"
              >
                <span className="underline underline-offset-4">{t(`home.actions.${action.id}.label`)}</span>
                {count === undefined ? null : <span className="sr-only">{t('home.actions.separator')}</span>}
                {count === undefined ? null : (
                  <span
                    data-testid={`count-${action.id}`}
                    className={
                      waiting
                        ? 'rounded-full border border-orange-800 bg-orange-50 px-2.5 py-0.5 text-dns-14B-130 text-orange-900'
                        : 'text-dns-14N-130 text-solid-gray-700'
                    }
                  >
                    {t(`home.actions.${action.id}.count`, { count })}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
