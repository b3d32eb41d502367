/** How a question and a round read in the API, and who may read a round's results. */
import type { MySurveyStatus, Survey, SurveyChoice, SurveyQuestion } from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import { expandPolicyLinks, type loadPolicyCatalog } from '../policy/policy-links.ts';
import type { QuestionRow, SurveyRow } from './survey.repository.ts';
import { accepting, roundQuestions } from './survey.rules.ts';

export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const day = (s: string) => new Date(`${s}T00:00:00Z`);
const RESULT_PERMISSIONS = ['survey:results:any', 'survey:results:bureau', 'survey:results:team'] as const;

export function canViewResults(actor: Actor): boolean {
  return RESULT_PERMISSIONS.some((p) => actor.permissions.has(p));
}

export function questionOut(
  row: QuestionRow,
  catalog: Awaited<ReturnType<typeof loadPolicyCatalog>>,
  usedBy: number,
): SurveyQuestion {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    text: { ja: row.textJa, en: row.textEn },
    choices: (row.choices as unknown as SurveyChoice[]) ?? [],
    links: expandPolicyLinks(catalog, row),
    active: row.active,
    usedBy,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function surveyOut(row: SurveyRow, myStatus: MySurveyStatus, actor: Actor): Survey {
  return {
    id: row.id,
    title: { ja: row.titleJa, en: row.titleEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
    fiscalYear: row.fiscalYear,
    status: row.status,
    opensOn: iso(row.opensOn),
    closesOn: iso(row.closesOn),
    accepting: accepting(row),
    population: {
      bureauIds: row.populationBureauIds,
      gradeIds: row.populationGradeIds,
      youngOnly: row.populationYoungOnly,
    },
    minGroupSize: row.minGroupSize,
    questions: roundQuestions(row),
    previousId: row.previousId,
    myStatus,
    canViewResults: row.status !== 'draft' && canViewResults(actor),
    version: row.version,
  };
}
