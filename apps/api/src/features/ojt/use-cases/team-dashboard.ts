/**
 * The team dashboard: each person the actor supervises with their OJT against the plan, their career
 * plan, pending self-development requests and 1on1s, for a 年度, read from the rollups.
 */
import { fiscalYearRange, type TeamDashboard, type TeamDashboardQuery } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { OjtContext } from '../ojt.context.ts';
import type { TeamRow } from '../ojt.repository.ts';
import { currentFiscalYear, isoDate } from '../ojt.shared.ts';

const memberOf = (r: TeamRow): TeamDashboard['items'][number] => ({
  staff: {
    id: r.id,
    name: r.nameJa,
    nameEn: r.nameEn,
    nameKana: r.nameKana,
    employeeNumber: r.employeeNumber,
  },
  unit:
    r.unitId && r.unitCode && r.unitKind
      ? {
          id: r.unitId,
          code: r.unitCode,
          kind: r.unitKind,
          name: { ja: r.unitNameJa ?? '', en: r.unitNameEn ?? '' },
        }
      : null,
  grade: r.gradeNameJa ? { ja: r.gradeNameJa, en: r.gradeNameEn ?? r.gradeNameJa } : null,
  ojt: {
    sessions: r.sessions,
    minutes: r.minutes,
    plannedSessions: r.plannedSessions,
    plannedMinutes: r.plannedMinutes,
    hasPlan: r.hasPlan,
    lastOn: r.lastOn,
    daysSinceLast: r.daysSinceLast,
    intervalDays: r.intervalDays,
    overdue: r.overdue,
    unacknowledged: r.unacknowledged,
  },
  careerPlan: { status: r.careerStatus ?? 'none', submittedAt: r.submittedAt },
  selfDevelopmentPending: r.selfDevPending,
  oneOnOne: {
    lastOn: r.oneOnOneLastOn,
    daysSinceLast: r.oneOnOneDaysSince,
    intervalDays: r.oneOnOneIntervalDays,
    overdue: r.oneOnOneOverdue,
  },
});

export async function teamDashboard(
  ctx: OjtContext,
  actor: Actor,
  query: TeamDashboardQuery,
): Promise<TeamDashboard> {
  authorize(actor, 'dashboard:read:team');
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const range = fiscalYearRange(fiscalYear);
  const todayIso = isoDate(today());
  // figures of a past 年度 are taken at its last day; of a coming one, at its first
  const asOf = [range.from, todayIso, range.to].sort()[1] ?? todayIso;
  const { items, totals } = await ctx.ojt.teamDashboard(ctx.db, {
    actorId: actor.staffId,
    teamPaths: actor.teamPaths,
    overrideStaffIds: actor.overrideStaffIds,
    fiscalYear,
    asOf,
    fyStart: range.from,
    query,
  });
  return {
    fiscalYear,
    asOf,
    totals: {
      members: totals.members,
      sessions: totals.sessions,
      minutes: totals.minutes,
      withPlan: totals.withPlan,
      overdue: totals.overdue,
      careerPlansSubmitted: totals.careerPlansSubmitted,
      selfDevelopmentPending: totals.selfDevelopmentPending,
      oneOnOneOverdue: totals.oneOnOneOverdue,
    },
    items: items.map(memberOf),
    page: query.page,
    pageSize: query.pageSize,
    total: totals.filtered,
  };
}
