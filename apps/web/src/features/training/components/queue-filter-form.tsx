import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useTrainingSessions } from '../api/get-training.ts';
import { useTrainingOptions, useTrainings } from '../api/get-trainings.ts';
import { formatSessionDates } from '../lib/format.ts';
import type { QueueFilters } from '../lib/queue-filters.ts';
import { labelClass, panelClass, selectClass } from './styles.ts';

/**
 * The acceptance queue's filters: course, then one of its sessions, and the applicant's 局・区. Each
 * select applies at once; choosing another course clears the session.
 */
export function QueueFilterForm({
  filters,
  onChange,
}: {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const id = useId();
  const courses = useTrainings('pageSize=100');
  const options = useTrainingOptions();
  const sessions = useTrainingSessions(filters.trainingId);
  const active = Boolean(filters.trainingId || filters.sessionId || filters.bureauId);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <search aria-label={t('training.acceptance.filtersLabel')}>
      <div className={`${panelClass} grid gap-4 md:grid-cols-3`}>
        <div>
          <label htmlFor={`${id}-course`} className={labelClass}>
            {t('training.acceptance.course')}
          </label>
          <select
            id={`${id}-course`}
            className={selectClass}
            value={filters.trainingId}
            onChange={(e) => set({ trainingId: e.target.value, sessionId: '' })}
          >
            <option value="">{t('training.acceptance.any')}</option>
            {courses.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {l(c.title)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-session`} className={labelClass}>
            {t('training.acceptance.session')}
          </label>
          <select
            id={`${id}-session`}
            className={selectClass}
            value={filters.sessionId}
            disabled={!filters.trainingId}
            aria-describedby={filters.trainingId ? undefined : `${id}-session-hint`}
            onChange={(e) => set({ sessionId: e.target.value })}
          >
            <option value="">{t('training.acceptance.any')}</option>
            {filters.trainingId
              ? sessions.data?.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatSessionDates(s.startsAt, s.endsAt, language)}
                  </option>
                ))
              : null}
          </select>
          {filters.trainingId ? null : (
            <p id={`${id}-session-hint`} className="mt-1 text-dns-14N-130 text-solid-gray-700">
              {t('training.acceptance.chooseCourseFirst')}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-bureau`} className={labelClass}>
            {t('training.acceptance.bureau')}
          </label>
          <select
            id={`${id}-bureau`}
            className={selectClass}
            value={filters.bureauId}
            onChange={(e) => set({ bureauId: e.target.value })}
          >
            <option value="">{t('training.acceptance.any')}</option>
            {options.data?.bureaus.map((b) => (
              <option key={b.id} value={b.id}>
                {l(b.name)}
              </option>
            ))}
          </select>
        </div>
        {active ? (
          <div className="md:col-span-3">
            <Button
              type="button"
              variant="secondary"
              onClick={() => onChange({ trainingId: '', sessionId: '', bureauId: '', page: 1 })}
            >
              {t('training.acceptance.clear')}
            </Button>
          </div>
        ) : null}
      </div>
    </search>
  );
}
