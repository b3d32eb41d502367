/** My own figures this 年度 (the personal dashboard), and for a supervisor what waits for them: submitted plans, support requests. */
import type { MyDashboard } from '@portal/contracts';
import { authorize, supervisedStaffWhere } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { CareerHistoryContext } from '../career-history.context.ts';
import { currentFiscalYear, personRef } from '../career-plan.shared.ts';

/** An instant the database wrote as JSON text (with its offset), in the API's ISO form. */
const instant = (text: string | null | undefined) => (text ? new Date(text).toISOString() : null);

/** How many items "awaiting me" lists at most */
const AWAITING_MAX = 10;

export async function myFigures(ctx: CareerHistoryContext, actor: Actor): Promise<MyDashboard> {
  const { db, repo } = ctx;
  authorize(actor, 'dashboard:read:self');
  const fiscalYear = currentFiscalYear();
  const team = supervisedStaffWhere(actor);
  const [figures, awaiting] = await Promise.all([
    repo.myFigures(db, actor.staffId, fiscalYear),
    team ? repo.awaiting(db, team, fiscalYear, AWAITING_MAX) : null,
  ]);
  const { ojt, toAcknowledge, plan, selfDev, training } = figures;
  const awaitingMe = awaiting
    ? [
        ...awaiting.plans.map((p) => ({
          kind: 'career_plan' as const,
          staff: personRef(p.staff),
          since: (p.submittedAt ?? p.updatedAt).toISOString(),
        })),
        ...awaiting.requests.map((r) => ({
          kind: 'support_request' as const,
          staff: personRef(r.staff),
          since: r.updatedAt.toISOString(),
        })),
      ]
        .sort((a, b) => a.since.localeCompare(b.since))
        .slice(0, AWAITING_MAX)
    : [];
  return {
    fiscalYear,
    ojt: {
      sessions: ojt?.sessions ?? 0,
      minutes: ojt?.minutes ?? 0,
      lastOn: ojt?.lastOn ?? null,
      toAcknowledge,
    },
    careerPlan: {
      status: (plan?.status ?? 'none') as MyDashboard['careerPlan']['status'],
      submittedAt: instant(plan?.submittedAt),
      lastCommentAt: instant(plan?.lastCommentAt),
    },
    selfDevelopment: {
      records: Number(selfDev.records),
      completed: Number(selfDev.completed),
      qualifications: Number(selfDev.qualifications),
      hours: Number(selfDev.hours),
      pendingSupport: Number(selfDev.pending),
    },
    training: { accepted: training?.accepted ?? 0, completed: training?.completed ?? 0 },
    awaitingMe,
  };
}
