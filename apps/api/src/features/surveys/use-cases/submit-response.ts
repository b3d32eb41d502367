/** The person submits their draft, once: stored without who gave it (decision 050). */
import { type MyResponse, MyResponseSubmit, SurveyAnswers } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { BadRequestError, ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { coarsen } from '../survey.attributes.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { Json } from '../survey.repository.ts';
import { populationDay, roundQuestions } from '../survey.rules.ts';
import { assertCanAnswer, checkAnswers, cleanAnswers, NOT_IN_POPULATION } from './answer-checks.ts';
import { myResponse } from './my-response.ts';

export async function submit(
  ctx: SurveyContext,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<MyResponse> {
  const { db, repo, visible } = ctx;
  const row = await visible(actor, id);
  authorize(actor, 'survey:answer:self');
  const input = MyResponseSubmit.parse(body ?? {});
  await assertCanAnswer(ctx, row, actor);
  const draft = await repo.draft(db, id, actor.staffId);
  if ((draft?.version ?? 0) !== input.version) {
    throw new ConflictError(
      'The draft was changed elsewhere. Reload it.',
      'stale_version',
      await myResponse(ctx, actor, id),
    );
  }
  const answers = cleanAnswers(SurveyAnswers.parse(draft?.answers ?? {}));
  if (!Object.keys(answers).length) {
    throw new BadRequestError('Answer at least one question.', [
      { field: 'body', message: 'no answers', code: 'answers_required' },
    ]);
  }
  checkAnswers(roundQuestions(row), answers);
  const attrs = await repo.attributes(db, row, actor.staffId, populationDay(row));
  authorize(actor, 'survey:answer:self', { inPopulation: attrs !== null }, NOT_IN_POPULATION);
  if (!attrs) throw new Error('unreachable: authorize refuses a person outside the population');
  const stored = coarsen(attrs, row.minGroupSize);
  // No idempotency record (it would keep the answer under the person's id) and no audit entry (it
  // would be a timed list of who answered): the participation key makes a retry a 409 instead.
  await write(db, {
    actorId: actor.staffId,
    run: async (tx) => {
      if (!(await repo.markAnswered(tx, id, actor.staffId))) {
        throw new ConflictError('You have already answered this round.', 'already_submitted');
      }
      await repo.deleteDraft(tx, id, actor.staffId);
      await repo.storeResponse(tx, id, stored, answers as Json);
      return { body: null };
    },
  });
  return { surveyId: id, status: 'submitted', answers: {}, version: 0 };
}
