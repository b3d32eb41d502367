import type { CareerPath } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { useCareerPath } from '../api/get-career-path.ts';
import { CourseProgressBadge, StepBadge } from './badges.tsx';
import { ExperienceMapSection } from './experience-map.tsx';
import { cardClass, hintClass, panelClass, sectionTitleClass, subTitleClass } from './styles.ts';

function Ladder({ path }: { path: CareerPath }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const nextId = useId();
  const ladderId = useId();
  return (
    <div className="mt-4 grid gap-6">
      <div className={panelClass}>
        <p className="text-std-16N-170">
          {path.currentGrade
            ? t('career.path.current', { grade: l(path.currentGrade.name) })
            : t('career.path.noGrade')}
        </p>
        {path.currentGradeSince ? (
          <p className={hintClass}>
            {t('career.path.since', { date: formatDate(path.currentGradeSince, language) })}
          </p>
        ) : null}
      </div>

      <section aria-labelledby={nextId}>
        <h3 id={nextId} className={subTitleClass}>
          {t('career.path.nextTitle')}
        </h3>
        {path.nextCourses.length ? (
          <ul className="mt-3 grid gap-3">
            {path.nextCourses.map((c) => (
              <li key={c.trainingId} className={cardClass}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="text-std-16B-170">{l(c.title)}</span>
                  <CourseProgressBadge progress={c.progress} />
                  {c.mandatory ? (
                    <span className="text-dns-14B-130 text-error-2">{t('career.path.mandatory')}</span>
                  ) : null}
                </p>
                <p className={hintClass}>
                  {t('career.path.courseFor', { grade: l(c.grade.name), hours: c.hours })}
                </p>
                <PolicyLinkChips links={c.links} className="mt-2" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('career.path.nothingNext')}</p>
        )}
      </section>

      <section aria-labelledby={ladderId}>
        <h3 id={ladderId} className={subTitleClass}>
          {t('career.path.ladderTitle')}
        </h3>
        <p className={hintClass}>{t('career.path.ladderHint')}</p>
        <ol className="mt-3 grid gap-3" data-testid="career-ladder">
          {path.steps.map((step) => (
            <li
              key={step.grade.id}
              aria-current={step.state === 'current' ? 'step' : undefined}
              className={`rounded-12 border-2 p-4 ${step.state === 'current' ? 'border-blue-900 bg-blue-50' : 'border-solid-gray-200 bg-white'}`}
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="text-std-18B-160">{l(step.grade.name)}</span>
                <StepBadge state={step.state} />
                {step.reachedOn ? (
                  <span className="text-dns-14N-130 text-solid-gray-700">
                    {t('career.path.reached', { date: formatDate(step.reachedOn, language) })}
                  </span>
                ) : null}
              </p>
              {step.courses.length ? (
                <ul className="mt-2 grid gap-2">
                  {step.courses.map((c) => (
                    <li key={c.trainingId} className="flex flex-wrap items-center gap-2 text-std-16N-170">
                      <span>{l(c.title)}</span>
                      <CourseProgressBadge progress={c.progress} />
                      {c.completedOn ? (
                        <span className="text-dns-14N-130 text-solid-gray-700">
                          {formatDate(c.completedOn, language)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{t('career.path.noCourses')}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Where the person stands on the grade ladder, the 階層別研修 of each step, what is done and what is next. */
export function CareerLadderSection({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const query = useCareerPath(staffId);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={sectionTitleClass}>
        {t('career.path.title')}
      </h2>
      <QueryContent query={query} isEmpty={(p) => p.steps.length === 0} empty={t('career.path.empty')}>
        {(path) => <Ladder path={path} />}
      </QueryContent>
      <ExperienceMapSection staffId={staffId} />
    </section>
  );
}
