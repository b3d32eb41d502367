/** The rounds: HR every round; others the rounds open to them (and, with results to read, every open or closed round). */
import type { SurveyQuery } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { allows } from '../../../access/authorize.ts';
import { today } from '../../../access/scope.ts';
import { pageWindow } from '../../../shared/page.ts';
import type { SurveyContext } from '../survey.context.ts';
import type { SurveyRepository } from '../survey.repository.ts';
import { canViewResults, surveyOut } from '../survey.shaping.ts';

export async function listSurveys(ctx: SurveyContext, actor: Actor, query: SurveyQuery) {
  const { db, repo, statusOf } = ctx;
  const page = pageWindow(query.page, query.pageSize);
  const status = query.status ? { status: query.status } : {};
  let where: Parameters<SurveyRepository['surveyPage']>[1];
  if (allows(actor, 'survey:manage:any')) where = status;
  else if (canViewResults(actor)) where = { status: { not: 'draft' }, ...status };
  else {
    // Staff: the rounds whose population holds them (rounds are few: a handful a year)
    const ids = await repo.surveyIds(db, { status: { not: 'draft' }, ...status });
    where = { id: { in: [...(await repo.eligibleSurveyIds(db, actor.staffId, ids, today()))] } };
  }
  const { rows, total } = await repo.surveyPage(db, where, page);
  const on = today();
  const eligible = await repo.eligibleSurveyIds(
    db,
    actor.staffId,
    rows.map((r) => r.id),
    on,
  );
  const status_ = await statusOf(actor, rows, eligible);
  return {
    items: rows.map((r) => surveyOut(r, status_(r), actor)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getSurvey(ctx: SurveyContext, actor: Actor, id: string) {
  const { visible, statusOf } = ctx;
  const row = await visible(actor, id);
  const status = await statusOf(actor, [row], new Set(row.eligible ? [id] : []));
  return surveyOut(row, status(row), actor);
}
