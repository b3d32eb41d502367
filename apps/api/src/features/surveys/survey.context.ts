import type { MySurveyStatus } from '@portal/contracts';
import type { Actor } from '../../access/actor.ts';
import { allows } from '../../access/authorize.ts';
import { today } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { createSurveyRepository, type SurveyRepository, type SurveyRow } from './survey.repository.ts';
import { canViewResults } from './survey.shaping.ts';
import { createSurveyResults } from './survey-results.service.ts';

/** What every survey use case works with: the database, the repository, the results, and the round as the actor may see it. */
export function createSurveyContext(deps: { db: Db; repo?: SurveyRepository }) {
  const db = deps.db;
  const repo = deps.repo ?? createSurveyRepository();
  const results = createSurveyResults({ db, repo });

  /** A round the actor may see: HR every round; others open and closed rounds they are in, or may read results of. */
  async function visible(actor: Actor, id: string): Promise<SurveyRow & { eligible: boolean }> {
    const row = await repo.survey(db, id);
    if (!row) throw new NotFoundError('No such survey.', 'survey_not_found');
    const eligible = (await repo.eligibleSurveyIds(db, actor.staffId, [id], today())).has(id);
    if (allows(actor, 'survey:manage:any')) return { ...row, eligible };
    if (row.status === 'draft') throw new NotFoundError('No such survey.', 'survey_not_found');
    if (eligible || canViewResults(actor)) return { ...row, eligible };
    throw new NotFoundError('No such survey.', 'survey_not_found');
  }

  async function statusOf(actor: Actor, rows: SurveyRow[], eligible: Set<string>) {
    const states = await repo.myStates(
      db,
      actor.staffId,
      rows.map((r) => r.id),
    );
    return (r: SurveyRow): MySurveyStatus =>
      states.get(r.id) ?? (eligible.has(r.id) ? 'not_started' : 'not_eligible');
  }

  return { db, repo, results, visible, statusOf };
}

export type SurveyContext = ReturnType<typeof createSurveyContext>;
