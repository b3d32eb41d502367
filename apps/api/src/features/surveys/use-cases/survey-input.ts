/** A round as HR sends it: 400 naming each wrong value; the bank questions it will ask; the columns it is stored in. */
import type { SurveyChoice, SurveyCreate, SurveyRoundQuestion } from '@portal/contracts';
import type { z } from 'zod';
import { BadRequestError, type FieldError } from '../../../shared/errors.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { Json, QuestionRow, SurveyData } from '../survey.repository.ts';
import { day } from '../survey.shaping.ts';

/** The bank questions of a round, in the order given, as the round will ask them (400 naming unknown ids). */
export async function snapshot(ctx: SurveyContext, ids: string[]): Promise<SurveyRoundQuestion[]> {
  const { db, repo } = ctx;
  const rows = await repo.questionsByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!byId.has(id))
      errors.push({
        field: `body.questionIds.${i}`,
        message: 'not a question of the bank',
        code: 'question_unknown',
      });
  });
  if (new Set(ids).size !== ids.length)
    errors.push({
      field: 'body.questionIds',
      message: 'a question is listed twice',
      code: 'question_duplicate',
    });
  if (errors.length) throw new BadRequestError('Some questions are not in the bank.', errors);
  return ids.map((id) => {
    const q = byId.get(id) as QuestionRow;
    return {
      questionId: q.id,
      code: q.code,
      kind: q.kind,
      text: { ja: q.textJa, en: q.textEn },
      choices: (q.choices as unknown as SurveyChoice[]) ?? [],
      staffImageIds: q.staffImageIds,
      initiativeIds: q.initiativeIds,
    };
  });
}

export async function checkSurveyInput(
  ctx: SurveyContext,
  input: {
    opensOn: string;
    closesOn: string;
    population: { bureauIds: string[]; gradeIds: string[] };
    previousId: string | null;
  },
  selfId?: string,
) {
  const { db, repo } = ctx;
  const errors: FieldError[] = [];
  if (input.closesOn < input.opensOn)
    errors.push({ field: 'body.closesOn', message: 'before the window opens', code: 'window_reversed' });
  const bureaus = new Set(await repo.bureauIdsIn(db, input.population.bureauIds));
  input.population.bureauIds.forEach((id, i) => {
    if (!bureaus.has(id))
      errors.push({
        field: `body.population.bureauIds.${i}`,
        message: 'not a 局・区',
        code: 'bureau_unknown',
      });
  });
  const grades = new Set(await repo.gradeIdsIn(db, input.population.gradeIds));
  input.population.gradeIds.forEach((id, i) => {
    if (!grades.has(id))
      errors.push({
        field: `body.population.gradeIds.${i}`,
        message: 'not a grade',
        code: 'grade_unknown',
      });
  });
  if (input.previousId) {
    const previous = input.previousId === selfId ? null : await repo.survey(db, input.previousId);
    if (!previous)
      errors.push({ field: 'body.previousId', message: 'not another survey', code: 'previous_unknown' });
  }
  if (errors.length) throw new BadRequestError('Some values of the round are wrong.', errors);
}

/** The columns a round is stored in, from what HR sent and the questions it asks. */
export function surveyData(
  input: z.output<typeof SurveyCreate>,
  questions: SurveyRoundQuestion[],
): SurveyData {
  return {
    titleJa: input.titleJa,
    titleEn: input.titleEn,
    descriptionJa: input.descriptionJa,
    descriptionEn: input.descriptionEn,
    fiscalYear: input.fiscalYear,
    opensOn: day(input.opensOn),
    closesOn: day(input.closesOn),
    populationBureauIds: input.population.bureauIds,
    populationGradeIds: input.population.gradeIds,
    populationYoungOnly: input.population.youngOnly,
    minGroupSize: input.minGroupSize,
    questions: questions as unknown as Json,
    previousId: input.previousId,
  };
}
