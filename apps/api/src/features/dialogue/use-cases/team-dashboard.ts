/** The supervisor's team: days since each person's last 1on1, who is overdue against the cadence. */
import { fiscalYearOf, fiscalYearRange, type OneOnOneTeam, type PageQuery } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { isoDate } from '../one-on-one.shared.ts';

export async function teamDashboard(
  ctx: OneOnOneContext,
  actor: Actor,
  query: PageQuery,
): Promise<OneOnOneTeam> {
  const { db, oneOnOnes } = ctx;
  authorize(actor, 'one-on-one:write:team');
  const todayIso = isoDate(today());
  const fiscalYear = fiscalYearOf(todayIso);
  const cadence = await ctx.cadenceOf(actor.staffId);
  const { items, totals } = await oneOnOnes.team(db, {
    actorId: actor.staffId,
    teamPaths: actor.teamPaths,
    overrideStaffIds: actor.overrideStaffIds,
    fiscalYear,
    today: todayIso,
    fyStart: fiscalYearRange(fiscalYear).from,
    intervalDays: cadence.intervalDays,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    fiscalYear,
    cadence,
    totals,
    items: items.map((r) => ({
      staff: { id: r.id, name: r.nameJa, nameEn: r.nameEn },
      lastOn: r.lastOn,
      daysSinceLast: r.daysSinceLast,
      meetingsThisYear: r.meetings,
      nextScheduledOn: r.nextOn,
      overdue: r.overdue,
      openActions: r.openActions,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: totals.members,
  };
}
