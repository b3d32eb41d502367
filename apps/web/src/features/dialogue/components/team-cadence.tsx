import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { cellClass, headCellClass, inputClass } from '../../../shared/ui/form-styles.ts';
import { ErrorState, LoadingState, useErrorMessage } from '../../../shared/ui/states.tsx';
import { useSaveCadence, useTeamOneOnOnes } from '../api/get-team-one-on-ones.ts';
import { usePersonName } from './person-name.ts';

const CADENCES = [14, 30, 60, 90] as const;

/**
 * The supervisor's team and their 1on1s: days since each person's last one against the team's
 * cadence (which the supervisor sets here), who is overdue, the next scheduled one, open actions.
 */
export function TeamCadence() {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const id = useId();
  const team = useTeamOneOnOnes();
  const save = useSaveCadence();
  const saveError = useErrorMessage(save.error);
  return (
    <section aria-labelledby={id} className="mt-8" data-testid="team-one-on-ones">
      <h2 id={id} className="text-std-20B-150 text-solid-gray-900">
        {t('dialogue.team.title')}
      </h2>
      {team.isPending ? (
        <LoadingState />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <>
          <div className="mt-2 flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`${id}-cadence`} className="text-dns-14B-130">
                {t('dialogue.team.cadence')}
              </label>
              <select
                id={`${id}-cadence`}
                value={team.data.cadence.intervalDays}
                disabled={save.isPending}
                onChange={(event) =>
                  save.mutate({
                    intervalDays: Number(event.target.value),
                    version: team.data.cadence.version,
                  })
                }
                className={`${inputClass} max-w-60`}
              >
                {[...new Set([...CADENCES, team.data.cadence.intervalDays])]
                  .sort((a, b) => a - b)
                  .map((d) => (
                    <option key={d} value={d}>
                      {t('dialogue.team.every', { count: d })}
                    </option>
                  ))}
              </select>
            </div>
            <p className="text-std-16N-170" aria-live="polite">
              {t('dialogue.team.summary', {
                overdue: team.data.totals.overdue,
                members: team.data.totals.members,
              })}
            </p>
          </div>
          {save.isError ? (
            <p role="alert" className="mt-1 text-dns-14N-130 text-error-2">
              {saveError}
            </p>
          ) : null}
          {team.data.items.length === 0 ? (
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('dialogue.record.noTeam')}</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse text-std-16N-170">
                <caption className="sr-only">{t('dialogue.team.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCellClass}>
                      {t('dialogue.team.person')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('dialogue.team.last')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('dialogue.team.next')}
                    </th>
                    <th scope="col" className={headCellClass}>
                      {t('dialogue.team.openActions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {team.data.items.map((m) => (
                    <tr key={m.staff.id}>
                      <th scope="row" className={`${cellClass} font-normal`}>
                        <Link to={`/one-on-ones/new?staff=${m.staff.id}`}>{name(m.staff)}</Link>
                      </th>
                      <td className={cellClass}>
                        {m.daysSinceLast === null
                          ? t('dialogue.team.never')
                          : t('dialogue.team.daysSince', { count: m.daysSinceLast })}
                        {m.overdue ? (
                          <span className="block text-dns-14B-130 text-error-2">
                            {t('dialogue.team.overdue')}
                          </span>
                        ) : null}
                      </td>
                      <td className={cellClass}>
                        {m.nextScheduledOn ? formatDate(m.nextScheduledOn, language) : '—'}
                      </td>
                      <td className={cellClass}>{m.openActions}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
