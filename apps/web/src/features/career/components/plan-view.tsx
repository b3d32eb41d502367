import type { CareerPlanContent, PolicyLinks } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-solid-gray-200 py-3 md:grid-cols-[12rem_1fr]">
      <dt className="text-std-16B-170 text-solid-gray-900">{term}</dt>
      <dd className="text-std-16N-170 text-solid-gray-800">{children}</dd>
    </div>
  );
}

/** A plan read-only: goals, what the person wants to experience, the self-assessment, skills, links. */
export function PlanView({ plan, links }: { plan: CareerPlanContent; links: PolicyLinks }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const policy = usePolicy();
  const none = <span className="text-solid-gray-700">{t('career.plan.notWritten')}</span>;
  const text = (value: string) => (value ? <span className="whitespace-pre-wrap">{value}</span> : none);
  const imageTitle = (id: string) => {
    const image = policy.data?.staffImages.find((s) => s.id === id);
    return image ? l(image.title) : '';
  };
  return (
    <div data-testid="plan-view">
      <dl>
        <Item term={t('career.plan.shortTermGoal')}>{text(plan.shortTermGoal)}</Item>
        <Item term={t('career.plan.midTermGoal')}>{text(plan.midTermGoal)}</Item>
        <Item term={t('career.plan.longTermGoal')}>{text(plan.longTermGoal)}</Item>
        <Item term={t('career.plan.experiences')}>
          {plan.desiredExperiences.length ? (
            <ul className="list-disc pl-6">
              {plan.desiredExperiences.map((e, i) => (
                <li key={`${i}-${e.text}`}>
                  {t('career.plan.experienceItem', {
                    kind: t(`career.plan.experienceKinds.${e.kind}`),
                    text: e.text,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Item>
        <Item term={t('career.plan.selfAssessment')}>
          {plan.selfAssessments.length ? (
            <ul className="grid gap-2">
              {plan.selfAssessments.map((a) => (
                <li key={a.staffImageId}>
                  <span className="text-std-16B-170">{imageTitle(a.staffImageId)}</span>
                  {' — '}
                  {a.level
                    ? t('career.plan.levelValue', {
                        level: a.level,
                        label: t(`career.plan.levels.${a.level}`),
                      })
                    : t('career.plan.noLevel')}
                  {a.comment ? <p className="whitespace-pre-wrap text-solid-gray-700">{a.comment}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Item>
        <Item term={t('career.plan.skills')}>
          {plan.skillsToGain.length ? (
            <ul className="list-disc pl-6">
              {plan.skillsToGain.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Item>
        <Item term={t('career.plan.links')}>
          {links.staffImages.length || links.initiatives.length ? <PolicyLinkChips links={links} /> : none}
        </Item>
      </dl>
    </div>
  );
}
