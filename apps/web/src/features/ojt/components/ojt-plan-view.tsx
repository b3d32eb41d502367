import type { OjtPlan } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { usePersonName } from './person-name.tsx';

/** Sessions and minutes so far against the plan, as a bar and in words. */
export function PlanProgress({ plan }: { plan: OjtPlan }) {
  const { t } = useTranslation();
  const ratio = plan.plannedSessions > 0 ? Math.min(1, plan.actual.sessions / plan.plannedSessions) : 0;
  return (
    <div>
      <p className="text-std-16N-170">
        {plan.plannedSessions > 0
          ? t('ojt.plan.progress', { sessions: plan.actual.sessions, planned: plan.plannedSessions })
          : t('ojt.plan.progressNoTarget', { sessions: plan.actual.sessions })}
        {' · '}
        {t('ojt.plan.minutesSoFar', { minutes: plan.actual.minutes, planned: plan.plannedMinutes })}
      </p>
      {plan.plannedSessions > 0 ? (
        <meter
          aria-label={t('ojt.plan.progressLabel')}
          min={0}
          max={plan.plannedSessions}
          value={Math.min(plan.actual.sessions, plan.plannedSessions)}
          className="mt-2 h-3 w-full"
        >
          {Math.round(ratio * 100)}%
        </meter>
      ) : null}
    </div>
  );
}

/** The 年間OJT計画 as the person reads it: goals with their links to the policy, rhythm and progress. */
export function OjtPlanView({ plan, headingLevel = 2 }: { plan: OjtPlan; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const G = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="grid gap-4">
      <H className="text-std-20B-150 text-solid-gray-900">
        {t('ojt.plan.titleFor', { year: formatFiscalYear(plan.fiscalYear, language) })}
      </H>
      {plan.version === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('ojt.plan.noneYet')}</p>
      ) : (
        <>
          <div>
            <G className="text-std-16B-170">{t('ojt.plan.goals')}</G>
            {plan.goals.length ? (
              <ol className="mt-2 grid list-decimal gap-3 pl-6">
                {plan.goals.map((goal, i) => (
                  <li key={i}>
                    <p className="text-std-16N-170">{goal.text}</p>
                    <PolicyLinkChips links={goal.policyLinks} className="mt-2" />
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-std-16N-170 text-solid-gray-700">{t('ojt.plan.noGoals')}</p>
            )}
          </div>
          <dl className="grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[auto_1fr]">
            <dt className="text-solid-gray-700">{t('ojt.plan.plannedSessions')}</dt>
            <dd>{t('ojt.plan.sessionsValue', { count: plan.plannedSessions })}</dd>
            <dt className="text-solid-gray-700">{t('ojt.plan.plannedMinutes')}</dt>
            <dd>{t('ojt.session.minutes', { count: plan.plannedMinutes })}</dd>
            {plan.frequencyNote ? (
              <>
                <dt className="text-solid-gray-700">{t('ojt.plan.frequencyNote')}</dt>
                <dd>{plan.frequencyNote}</dd>
              </>
            ) : null}
            {plan.author && plan.updatedAt ? (
              <>
                <dt className="text-solid-gray-700">{t('ojt.plan.writtenBy')}</dt>
                <dd>
                  {name(plan.author)} ({formatDate(new Date(plan.updatedAt), language)})
                </dd>
              </>
            ) : null}
          </dl>
        </>
      )}
      <PlanProgress plan={plan} />
    </section>
  );
}
