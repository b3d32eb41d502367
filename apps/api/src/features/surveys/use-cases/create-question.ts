/** HR adds a question to the bank; a retry with the same Idempotency-Key answers as the first did. */
import { SurveyQuestionCreate } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { assertPolicyLinks, loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { Json } from '../survey.repository.ts';
import { questionOut } from '../survey.shaping.ts';
import { checkChoices } from './check-choices.ts';

export async function createQuestion(
  ctx: SurveyContext,
  actor: Actor,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo } = ctx;
  authorize(actor, 'survey:manage:any');
  const input = SurveyQuestionCreate.parse(body);
  checkChoices(input);
  await assertPolicyLinks(db, input, 'body.');
  if (await repo.questionByCode(db, input.code)) {
    throw new ConflictError('A question with this code exists.', 'question_code_taken');
  }
  const { code, ...rest } = input;
  const data = { ...rest, choices: rest.choices as unknown as Json };
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: 'survey.question.create', key, body },
    run: async (tx) => {
      const created = await repo.createQuestion(tx, code, data);
      return {
        status: 201,
        body: { id: created.id },
        audit: {
          action: 'survey.question.create',
          entityType: 'survey_question',
          entityId: created.id,
          after: input,
        },
      };
    },
  });
  const row = await repo.question(db, result.body.id);
  if (!row) throw new NotFoundError('No such question.', 'question_not_found');
  return { status: result.status, body: questionOut(row, await loadPolicyCatalog(db), 0) };
}
