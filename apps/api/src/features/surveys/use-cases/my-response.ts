/** The person's own draft of a round (nothing once submitted). */
import { type MyResponse, SurveyAnswers } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import type { SurveyContext } from '../survey.context.ts';
import { NOT_IN_POPULATION } from './answer-checks.ts';

export async function myResponse(ctx: SurveyContext, actor: Actor, id: string): Promise<MyResponse> {
  const { db, repo, visible } = ctx;
  const row = await visible(actor, id);
  authorize(actor, 'survey:answer:self');
  if (await repo.hasAnswered(db, id, actor.staffId))
    return { surveyId: id, status: 'submitted', answers: {}, version: 0 };
  authorize(actor, 'survey:answer:self', { inPopulation: row.eligible }, NOT_IN_POPULATION);
  const draft = await repo.draft(db, id, actor.staffId);
  return draft
    ? {
        surveyId: id,
        status: 'draft',
        answers: SurveyAnswers.parse(draft.answers),
        version: draft.version,
      }
    : { surveyId: id, status: 'not_started', answers: {}, version: 0 };
}
