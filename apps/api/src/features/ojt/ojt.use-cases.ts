/**
 * OJT use cases. A supervisor logs sessions for their own staff (one, or several after a team session,
 * all or nothing) and keeps each person's 年間OJT計画; the trainee acknowledges and adds a 振り返り;
 * the team dashboard shows each person's OJT against the plan, their career plan and pending
 * self-development requests. The supervisor who logged a session may correct it, or delete it while the
 * trainee has not acknowledged it (docs/decisions/009-ojt-session-corrections.md). Each use case asks
 * the access module first.
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { createOjtContext } from './ojt.context.ts';
import type { OjtRepository } from './ojt.repository.ts';
import { acknowledge } from './use-cases/acknowledge-session.ts';
import { deleteSession } from './use-cases/delete-session.ts';
import { listSessions } from './use-cases/list-sessions.ts';
import { createBatch, createSession } from './use-cases/log-sessions.ts';
import { getPlan, putPlan } from './use-cases/ojt-plan.ts';
import { teamDashboard } from './use-cases/team-dashboard.ts';
import { updateSession } from './use-cases/update-session.ts';

export function createOjtUseCases(deps: { db: Db; ojt: OjtRepository }) {
  const ctx = createOjtContext(deps);
  return bindUseCases(ctx, {
    listSessions,
    createSession,
    createBatch,
    acknowledge,
    updateSession,
    deleteSession,
    getPlan,
    putPlan,
    teamDashboard,
  });
}

export type OjtUseCases = ReturnType<typeof createOjtUseCases>;
