/** The question bank, paged (HR), with how many rounds ask each question. */
import type { SurveyQuestionQuery } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import { authorize } from '../../../access/authorize.ts';
import { pageWindow } from '../../../shared/page.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { SurveyContext } from '../survey.context.ts';
import { questionOut } from '../survey.shaping.ts';

export async function listQuestions(ctx: SurveyContext, actor: Actor, query: SurveyQuestionQuery) {
  const { db, repo } = ctx;
  authorize(actor, 'survey:manage:any');
  const { rows, total } = await repo.questionPage(
    db,
    { active: query.active === undefined ? undefined : query.active === 'true', q: query.q },
    pageWindow(query.page, query.pageSize),
  );
  const [catalog, usage] = await Promise.all([
    loadPolicyCatalog(db),
    repo.usage(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    items: rows.map((r) => questionOut(r, catalog, usage.get(r.id) ?? 0)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
