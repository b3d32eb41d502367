/** What an answer must be, and when a person may answer. */
import type { SurveyRoundQuestion } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../../shared/errors.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { SurveyRow } from '../survey.repository.ts';
import { accepting } from '../survey.rules.ts';

export const NOT_IN_POPULATION = { code: 'not_in_population', message: 'This round is not for you.' };

/** 400 naming the answer unless each fits its question. */
export function checkAnswers(
  questions: SurveyRoundQuestion[],
  answers: Record<string, number | string>,
): void {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const field = `body.answers.${id}`;
    if (!q) {
      errors.push({ field, message: 'not a question of this round', code: 'answer_unknown_question' });
      continue;
    }
    const ok =
      q.kind === 'agreement5'
        ? typeof value === 'number' && value >= 1 && value <= 5
        : q.kind === 'scale10'
          ? typeof value === 'number' && value >= 0 && value <= 10
          : q.kind === 'single_choice'
            ? typeof value === 'string' && q.choices.some((c) => c.value === value)
            : typeof value === 'string';
    if (!ok) errors.push({ field, message: `not an answer to a ${q.kind} question`, code: 'answer_invalid' });
  }
  if (errors.length) throw new BadRequestError('Some answers do not fit their questions.', errors);
}

/** Empty free-text answers are no answers. */
export function cleanAnswers(answers: Record<string, number | string>): Record<string, number | string> {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
  );
}

/** 409 once answered or outside the window; 403 outside the population. */
export async function assertCanAnswer(
  ctx: SurveyContext,
  row: SurveyRow & { eligible: boolean },
  actor: Actor,
) {
  const { db, repo } = ctx;
  if (await repo.hasAnswered(db, row.id, actor.staffId)) {
    throw new ConflictError('You have already answered this round.', 'already_submitted');
  }
  authorize(actor, 'survey:answer:self', { inPopulation: row.eligible }, NOT_IN_POPULATION);
  if (!accepting(row)) throw new ConflictError('This round is not taking answers.', 'survey_not_accepting');
}
