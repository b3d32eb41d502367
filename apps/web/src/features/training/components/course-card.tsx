import type { Training, TrainingRecommendationReason } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { formatSessionDates, punct } from '../lib/format.ts';
import { KindBadge, MandatoryBadge, ProgressBadge } from './badges.tsx';
import { cardClass } from './styles.ts';

/** One course of the catalogue: what it is, for whom, the next session still open, where I stand. */
export function CourseCard({
  training,
  reasons,
  headingLevel = 3,
}: {
  training: Training;
  reasons?: TrainingRecommendationReason[];
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const next = training.nextOpenSession;
  return (
    <article className={`${cardClass} flex flex-col gap-3`} aria-labelledby={`course-${training.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={training.kind} />
        {training.mandatory ? <MandatoryBadge /> : null}
        <ProgressBadge progress={training.myProgress} />
        {!training.active ? (
          <span className="text-dns-14B-130 text-solid-gray-700">{t('training.inactive')}</span>
        ) : null}
      </div>
      <Heading id={`course-${training.id}`} className="text-std-18B-160 text-solid-gray-900">
        <Link
          to={`/training/${training.id}`}
          className="text-blue-1000 underline underline-offset-4 hover:text-blue-1100"
        >
          {l(training.title)}
        </Link>
      </Heading>
      <dl className="grid gap-x-4 gap-y-1 text-dns-14N-130 text-solid-gray-800 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('training.fields.targetGrades')}</dt>
        <dd>
          {training.targetGrades.length
            ? formatList(
                training.targetGrades.map((g) => l(g.name)),
                language,
              )
            : t('training.allGrades')}
        </dd>
        <dt className="font-bold">{t('training.fields.hours')}</dt>
        <dd>{t('training.hoursValue', { count: training.hours })}</dd>
        {training.ownerBureau ? (
          <>
            <dt className="font-bold">{t('training.fields.ownerBureau')}</dt>
            <dd>{l(training.ownerBureau.name)}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('training.nextSession')}</dt>
        <dd>
          {next
            ? `${formatSessionDates(next.startsAt, next.endsAt, language)}${punct(language).open}${t(
                'training.deadlineOn',
                {
                  date: formatDate(next.applicationDeadline, language),
                },
              )}${punct(language).close}`
            : t('training.noOpenSession')}
        </dd>
      </dl>
      {reasons?.length ? (
        <p className="text-dns-14N-130 text-solid-gray-800">
          <span className="font-bold">{t('training.recommended.why')}</span>
          {reasons.map((r) => t(`training.recommended.reasons.${r}`)).join(punct(language).list)}
        </p>
      ) : null}
      <PolicyLinkChips links={training.links} />
    </article>
  );
}
