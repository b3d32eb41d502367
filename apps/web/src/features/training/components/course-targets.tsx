import type { Training, TrainingOptions } from '@portal/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { CheckboxGroup } from '../../../shared/forms/checkbox-group.tsx';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import type { Draft } from '../lib/course-draft.ts';

/**
 * Whom a course is for (grades, job families) and in which 年度 it runs. The options offer what is in
 * use; a retired grade or job family the course already targets is still shown, marked, so that it
 * can be unticked (the API keeps it, or lets it go, but adds none).
 */
export function CourseTargets({
  draft,
  set,
  options,
  base,
  errorOf,
}: {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  options: TrainingOptions;
  /** The course as last loaded, when editing one */
  base: Training | undefined;
  errorOf: (name: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const years = [...new Set([...options.fiscalYears, ...draft.fiscalYears])].sort();
  const gradeIds = new Set(options.grades.map((g) => g.id));
  const retiredGrades = base?.targetGrades.filter((g) => !gradeIds.has(g.id)) ?? [];
  const grades = [...options.grades, ...retiredGrades].sort((a, b) => a.rank - b.rank);
  const jobFamilyIds = new Set(options.jobFamilies.map((j) => j.id));
  const retiredJobFamilies = base?.targetJobFamilies.filter((j) => !jobFamilyIds.has(j.id)) ?? [];
  const jobFamilies = [...options.jobFamilies, ...retiredJobFamilies];
  const retired = new Set([...retiredGrades, ...retiredJobFamilies].map((x) => x.id));
  const target = (x: { id: string; name: Parameters<typeof l>[0] }) => ({
    value: x.id,
    label: retired.has(x.id) ? t('training.editor.retiredTarget', { name: l(x.name) }) : l(x.name),
  });

  return (
    <>
      <CheckboxGroup
        legend={t('training.fields.targetGrades')}
        hint={t('training.editor.gradesHint')}
        layout="mt-1 grid gap-1 sm:grid-cols-3"
        items={grades.map(target)}
        checked={draft.targetGradeIds}
        onChange={(targetGradeIds) => set({ targetGradeIds })}
        error={errorOf('targetGradeIds')}
      />
      <CheckboxGroup
        legend={t('training.fields.jobFamilies')}
        hint={t('training.editor.jobsHint')}
        layout="mt-1 grid gap-1 sm:grid-cols-4"
        items={jobFamilies.map(target)}
        checked={draft.targetJobFamilyIds}
        onChange={(targetJobFamilyIds) => set({ targetJobFamilyIds })}
      />
      <CheckboxGroup
        legend={t('training.fields.fiscalYears')}
        layout="mt-1 flex flex-wrap gap-1"
        items={years.map((fy) => ({ value: fy, label: formatFiscalYear(fy, language) }))}
        checked={draft.fiscalYears}
        onChange={(fiscalYears) => set({ fiscalYears })}
        error={errorOf('fiscalYears')}
      />
    </>
  );
}
