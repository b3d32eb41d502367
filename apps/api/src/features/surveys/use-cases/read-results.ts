/** A round's results and response rate, for those the round lets read them. */
import type { SurveyResultsQuery } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import type { SurveyContext } from '../survey.context.ts';

export async function results(ctx: SurveyContext, actor: Actor, id: string, query: SurveyResultsQuery) {
  const { results, visible } = ctx;
  const row = await visible(actor, id);
  return results.results(actor, row, query);
}

export async function responseRate(ctx: SurveyContext, actor: Actor, id: string, query: SurveyResultsQuery) {
  const { results, visible } = ctx;
  const row = await visible(actor, id);
  return results.responseRate(actor, row, query);
}
