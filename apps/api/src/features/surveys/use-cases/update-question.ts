/** HR edits a question (versioned); once a round has asked it, its kind and choices stay. */
import { SurveyQuestionUpdate } from '@portal/contracts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { BadRequestError, NotFoundError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import { assertPolicyLinks, loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { Json } from '../survey.repository.ts';
import { questionOut } from '../survey.shaping.ts';
import { checkChoices } from './check-choices.ts';

export async function updateQuestion(
  ctx: SurveyContext,
  actor: Actor,
  id: string,
  body: unknown,
  meta: RequestMeta,
) {
  const { db, repo } = ctx;
  authorize(actor, 'survey:manage:any');
  const before = await repo.question(db, id);
  if (!before) throw new NotFoundError('No such question.', 'question_not_found');
  const input = SurveyQuestionUpdate.parse(body);
  checkChoices(input);
  await assertPolicyLinks(db, input, 'body.');
  const usedBy = (await repo.usage(db, [id])).get(id) ?? 0;
  // Trends compare like with like: once a round has asked it, its kind and choices stay
  const sameChoices = JSON.stringify(before.choices) === JSON.stringify(input.choices);
  if (usedBy > 0 && (before.kind !== input.kind || !sameChoices)) {
    throw new BadRequestError('A question rounds have asked keeps its kind and choices.', [
      {
        field: before.kind !== input.kind ? 'body.kind' : 'body.choices',
        message: 'asked by a round',
        code: 'question_in_use',
      },
    ]);
  }
  const { version, ...rest } = input;
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'question',
    current: async () => {
      const row = await repo.question(db, id);
      return row ? questionOut(row, await loadPolicyCatalog(db), usedBy) : undefined;
    },
    run: async (tx) => {
      guardUpdated(
        await repo.updateQuestion(tx, id, version, { ...rest, choices: rest.choices as unknown as Json }),
      );
      return {
        body: null,
        audit: {
          action: 'survey.question.update',
          entityType: 'survey_question',
          entityId: id,
          before,
          after: rest,
        },
      };
    },
  });
  const row = await repo.question(db, id);
  if (!row) throw new NotFoundError('No such question.', 'question_not_found');
  return questionOut(row, await loadPolicyCatalog(db), usedBy);
}
