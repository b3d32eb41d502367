import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import type { PlanForm } from '../lib/plan-form.ts';
import { warnClass } from './styles.ts';

/** What the reader had typed when a newer version was loaded: kept on screen so nothing is lost. */
export function UnsavedText({ form, onClose }: { form: PlanForm; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const rows: [string, string][] = [
    [t('career.plan.shortTermGoal'), form.shortTermGoal],
    [t('career.plan.midTermGoal'), form.midTermGoal],
    [t('career.plan.longTermGoal'), form.longTermGoal],
    [
      t('career.plan.experiences'),
      form.desiredExperiences
        .filter((e) => e.text.trim())
        .map((e) => `${t(`career.plan.experienceKinds.${e.kind}`)}: ${e.text}`)
        .join('\n'),
    ],
    [t('career.plan.skills'), form.skillsText],
  ];
  return (
    <section aria-labelledby={id} className={warnClass} data-testid="unsaved-text">
      <h4 id={id} className="text-std-16B-170">
        {t('career.conflict.yourText')}
      </h4>
      <p className="mt-1">{t('career.conflict.yourTextHint')}</p>
      <dl className="mt-2 grid gap-2">
        {rows
          .filter(([, text]) => text.trim())
          .map(([label, text]) => (
            <div key={label}>
              <dt className="text-dns-14B-130">{label}</dt>
              <dd className="whitespace-pre-wrap rounded-8 bg-white p-2">{text}</dd>
            </div>
          ))}
      </dl>
      <Button variant="secondary" className="mt-3" onClick={onClose}>
        {t('career.conflict.closeYourText')}
      </Button>
    </section>
  );
}
