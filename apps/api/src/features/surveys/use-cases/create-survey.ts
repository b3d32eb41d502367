/** HR builds a round as a draft; a retry with the same Idempotency-Key answers as the first did. */
import { SurveyCreate } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { SurveyContext } from '../survey.context.ts';
import { surveyOut } from '../survey.shaping.ts';
import { checkSurveyInput, snapshot, surveyData } from './survey-input.ts';

export async function createSurvey(
  ctx: SurveyContext,
  actor: Actor,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo } = ctx;
  authorize(actor, 'survey:manage:any');
  const input = SurveyCreate.parse(body);
  await checkSurveyInput(ctx, input);
  const questions = await snapshot(ctx, input.questionIds);
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: 'survey.create', key, body },
    run: async (tx) => {
      const created = await repo.createSurvey(tx, surveyData(input, questions));
      return {
        status: 201,
        body: { id: created.id },
        audit: { action: 'survey.create', entityType: 'survey', entityId: created.id, after: input },
      };
    },
  });
  const row = await repo.survey(db, result.body.id);
  if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
  return { status: result.status, body: surveyOut(row, 'not_eligible', actor) };
}
