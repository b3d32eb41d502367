import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { today } from '../../../access/scope.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { SurveyContext } from '../survey.context.ts';
import { accepting } from '../survey.rules.ts';
import { remindNonRespondents } from '../survey-reminders.ts';

/**
 * Reminds the people of an open round who have not answered, through the portal's notifications
 * (once a day per person). Nobody is told who they are: HR learns only how many were reminded.
 */
export async function remind(ctx: SurveyContext, actor: Actor, id: string, meta: RequestMeta) {
  const { db, visible } = ctx;
  const row = await visible(actor, id);
  authorize(actor, 'survey:manage:any');
  if (!accepting(row)) throw new ConflictError('This round is not taking answers.', 'survey_not_accepting');
  const day = today();
  const result = await write(db, {
    actorId: actor.staffId,
    meta,
    run: async (tx) => {
      const reminded = await remindNonRespondents(tx, row, day, actor.staffId);
      return {
        body: { reminded },
        audit: {
          action: 'survey.remind',
          entityType: 'survey',
          entityId: id,
          after: { reminded },
        },
      };
    },
  });
  return result.body;
}
