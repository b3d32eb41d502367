/** The person saves their draft while the window is open (`version` 0 for the first save). */
import { type MyResponse, MyResponsePut } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { Json } from '../survey.repository.ts';
import { roundQuestions } from '../survey.rules.ts';
import { assertCanAnswer, checkAnswers, cleanAnswers } from './answer-checks.ts';
import { myResponse } from './my-response.ts';

export async function saveMyResponse(
  ctx: SurveyContext,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<MyResponse> {
  const { db, repo, visible } = ctx;
  const row = await visible(actor, id);
  authorize(actor, 'survey:answer:self');
  const input = MyResponsePut.parse(body);
  await assertCanAnswer(ctx, row, actor);
  const answers = cleanAnswers(input.answers);
  checkAnswers(roundQuestions(row), answers);
  // A draft is the person's own unsent work: not audited, never kept after submit (decision 050)
  const result = await write(db, {
    actorId: actor.staffId,
    what: 'draft',
    current: async () => myResponse(ctx, actor, id),
    run: async (tx) => {
      if (input.version === 0) {
        if (await repo.draft(tx, id, actor.staffId))
          throw new ConflictError('A draft exists. Reload it.', 'stale_version');
        const created = await repo.createDraft(tx, id, actor.staffId, answers as Json);
        return { body: created.version };
      }
      guardUpdated(await repo.updateDraft(tx, id, actor.staffId, input.version, answers as Json));
      return { body: input.version + 1 };
    },
  });
  return { surveyId: id, status: 'draft', answers, version: result.body };
}
