/** What the career use cases share: dates, the 年度 now, a person's reference; a plan's content and its checks. */
import { CareerPlanContent, fiscalYearOf } from '@portal/contracts';
import { today } from '../../access/access.ts';
import type { InputJson } from '../../db/json.ts';
import { BadRequestError, type FieldError } from '../../shared/errors.ts';
import type { PolicyCatalog } from '../policy/policy-links.ts';
import type { PlanRow } from './career.repository.ts';

export const iso = (d: Date) => d.toISOString();
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const currentFiscalYear = () => fiscalYearOf(today().toISOString().slice(0, 10));
export type Person = { id: string; nameJa: string; nameEn: string };
export const personRef = (p: Person) => ({ id: p.id, name: p.nameJa, nameEn: p.nameEn });

/** The stored content of a plan row, read back through the contract (bad JSON becomes empty). */
export function contentOf(row: Pick<PlanRow, keyof CareerPlanContent>): CareerPlanContent {
  const parsed = CareerPlanContent.safeParse({
    shortTermGoal: row.shortTermGoal,
    midTermGoal: row.midTermGoal,
    longTermGoal: row.longTermGoal,
    desiredExperiences: row.desiredExperiences,
    selfAssessments: row.selfAssessments,
    skillsToGain: row.skillsToGain,
    staffImageIds: row.staffImageIds,
    initiativeIds: row.initiativeIds,
  });
  if (parsed.success) return parsed.data;
  return CareerPlanContent.parse({
    shortTermGoal: row.shortTermGoal,
    midTermGoal: row.midTermGoal,
    longTermGoal: row.longTermGoal,
    skillsToGain: row.skillsToGain,
  });
}

/** The columns a content writes. */
export function columnsOf(content: CareerPlanContent) {
  return {
    shortTermGoal: content.shortTermGoal,
    midTermGoal: content.midTermGoal,
    longTermGoal: content.longTermGoal,
    desiredExperiences: content.desiredExperiences as InputJson,
    selfAssessments: content.selfAssessments as InputJson,
    skillsToGain: content.skillsToGain,
    staffImageIds: content.staffImageIds,
    initiativeIds: content.initiativeIds,
  };
}

/** 400 naming each bad field: unknown policy links, self-assessments of an unknown or repeated 職員像. */
export function checkContent(catalog: PolicyCatalog, content: CareerPlanContent) {
  const errors: FieldError[] = [];
  content.staffImageIds.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `body.staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  content.initiativeIds.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `body.initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
  const seen = new Set<string>();
  content.selfAssessments.forEach((a, i) => {
    if (!catalog.staffImages.has(a.staffImageId)) {
      errors.push({
        field: `body.selfAssessments.${i}.staffImageId`,
        message: 'not a 目指す職員像 of the policy',
      });
    } else if (seen.has(a.staffImageId)) {
      errors.push({ field: `body.selfAssessments.${i}.staffImageId`, message: 'assessed twice' });
    }
    seen.add(a.staffImageId);
  });
  if (errors.length) throw new BadRequestError('Some fields are invalid.', errors);
}
