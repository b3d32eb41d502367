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
import { createOjtContext, type OjtContext } from './ojt.context.ts';
import type { OjtRepository } from './ojt.repository.ts';
import { acknowledge } from './use-cases/acknowledge-session.ts';
import { deleteSession } from './use-cases/delete-session.ts';
import { listSessions } from './use-cases/list-sessions.ts';
import { createBatch, createSession } from './use-cases/log-sessions.ts';
import { getPlan, putPlan } from './use-cases/ojt-plan.ts';
import { teamDashboard } from './use-cases/team-dashboard.ts';
import { updateSession } from './use-cases/update-session.ts';

/** The arguments of a use case after its context. */
type Args<F> = F extends (ctx: OjtContext, ...args: infer A) => unknown ? A : never;

export function createOjtUseCases(deps: { db: Db; ojt: OjtRepository }) {
  const ctx = createOjtContext(deps);
  return {
    listSessions: (...args: Args<typeof listSessions>) => listSessions(ctx, ...args),
    createSession: (...args: Args<typeof createSession>) => createSession(ctx, ...args),
    createBatch: (...args: Args<typeof createBatch>) => createBatch(ctx, ...args),
    acknowledge: (...args: Args<typeof acknowledge>) => acknowledge(ctx, ...args),
    updateSession: (...args: Args<typeof updateSession>) => updateSession(ctx, ...args),
    deleteSession: (...args: Args<typeof deleteSession>) => deleteSession(ctx, ...args),
    getPlan: (...args: Args<typeof getPlan>) => getPlan(ctx, ...args),
    putPlan: (...args: Args<typeof putPlan>) => putPlan(ctx, ...args),
    teamDashboard: (...args: Args<typeof teamDashboard>) => teamDashboard(ctx, ...args),
  };
}

export type OjtUseCases = ReturnType<typeof createOjtUseCases>;
