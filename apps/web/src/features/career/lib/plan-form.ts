import type { CareerPlan, CareerPlanContent, DesiredExperienceKind } from '@portal/contracts';

/** The career-plan form as the reader edits it (text as typed; turned into the contract on save). */
export type PlanForm = {
  shortTermGoal: string;
  midTermGoal: string;
  longTermGoal: string;
  desiredExperiences: { key: string; kind: DesiredExperienceKind; text: string }[];
  /** By 職員像 id */
  selfAssessments: Record<string, { level: number | null; comment: string }>;
  /** One skill or qualification per line */
  skillsText: string;
  staffImageIds: string[];
  initiativeIds: string[];
};

export const MAX_EXPERIENCES = 20;
export const MAX_SKILLS = 30;

let counter = 0;
/** A key for a list row the reader adds (React needs one that survives removals above it). */
export const rowKey = () => {
  counter += 1;
  return `row-${counter}`;
};

export function toForm(plan: CareerPlanContent | CareerPlan | null | undefined): PlanForm {
  return {
    shortTermGoal: plan?.shortTermGoal ?? '',
    midTermGoal: plan?.midTermGoal ?? '',
    longTermGoal: plan?.longTermGoal ?? '',
    desiredExperiences: (plan?.desiredExperiences ?? []).map((e) => ({ key: rowKey(), ...e })),
    selfAssessments: Object.fromEntries(
      (plan?.selfAssessments ?? []).map((a) => [a.staffImageId, { level: a.level, comment: a.comment }]),
    ),
    skillsText: (plan?.skillsToGain ?? []).join('\n'),
    staffImageIds: [...(plan?.staffImageIds ?? [])],
    initiativeIds: [...(plan?.initiativeIds ?? [])],
  };
}

/**
 * The content to save: trimmed; empty rows and lines dropped; a 職員像 kept only when it has a level
 * or a comment, in the policy's order.
 */
export function toContent(form: PlanForm, staffImageOrder: readonly string[]): CareerPlanContent {
  const order = [...staffImageOrder, ...Object.keys(form.selfAssessments)];
  const seen = new Set<string>();
  return {
    shortTermGoal: form.shortTermGoal.trim(),
    midTermGoal: form.midTermGoal.trim(),
    longTermGoal: form.longTermGoal.trim(),
    desiredExperiences: form.desiredExperiences
      .map((e) => ({ kind: e.kind, text: e.text.trim() }))
      .filter((e) => e.text !== ''),
    selfAssessments: order.flatMap((staffImageId) => {
      if (seen.has(staffImageId)) return [];
      seen.add(staffImageId);
      const a = form.selfAssessments[staffImageId];
      if (!a || (a.level === null && a.comment.trim() === '')) return [];
      return [{ staffImageId, level: a.level, comment: a.comment.trim() }];
    }),
    skillsToGain: form.skillsText
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    staffImageIds: form.staffImageIds,
    initiativeIds: form.initiativeIds,
  };
}

/** Whether two forms would save the same content. */
export function sameContent(a: PlanForm, b: PlanForm, staffImageOrder: readonly string[]): boolean {
  const norm = (f: PlanForm) => {
    const c = toContent(f, staffImageOrder);
    return JSON.stringify({
      ...c,
      staffImageIds: [...c.staffImageIds].sort(),
      initiativeIds: [...c.initiativeIds].sort(),
    });
  };
  return norm(a) === norm(b);
}

/** Whether nothing has been written yet (a new person's empty plan). */
export function isBlank(content: CareerPlanContent): boolean {
  return (
    !content.shortTermGoal &&
    !content.midTermGoal &&
    !content.longTermGoal &&
    content.desiredExperiences.length === 0 &&
    content.selfAssessments.length === 0 &&
    content.skillsToGain.length === 0
  );
}
