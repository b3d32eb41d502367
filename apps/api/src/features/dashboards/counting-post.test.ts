/**
 * "Which post counts" is one SQL function (`posts_on`): the dashboards' rollup, the OJT-by-initiative
 * trigger's look-up and the API's queries (`countingPostsSql`, the team dashboard) place people alike —
 * checked here on the demo organisation with a person given a later concurrent post and a head's post
 * starting the same day as an ordinary one.
 */
import { fiscalYearOf } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { countingPostsSql, today } from '../../access/scope.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { idOf } from '../training/training.test-helpers.ts';
import { refreshDashboardRollup } from './dashboard-rollup.ts';

const ctx = useTestApp();
const db = () => ctx().database.db;
const day = () => today().toISOString().slice(0, 10);
/** Two days back: in force whichever clock (the database's, Japan's) says what today is */
const since = () => new Date(today().getTime() - 2 * 86_400_000);
let moved = '';
let movedTo = '';
let tied = '';
let tiedHeadUnit = '';

beforeAll(async () => {
  // someone of demo-supervisor's team also gets a post elsewhere, started later: it is the one that counts
  const supervisor = await idOf(db(), 'demo-staff');
  moved = supervisor;
  const other = await db().orgUnit.findFirstOrThrow({
    where: { kind: 'section', assignments: { none: { staffId: supervisor } } },
    select: { id: true },
  });
  movedTo = other.id;
  const grade = await db().assignment.findFirstOrThrow({
    where: { staffId: supervisor },
    select: { gradeId: true },
  });
  await db().assignment.create({
    data: {
      staffId: supervisor,
      orgUnitId: movedTo,
      gradeId: grade.gradeId,
      startsOn: since(),
    },
  });
  // someone else gets two posts starting the same day, one of them a head's: the head's post counts
  const [person] = await db().$queryRaw<{ staffId: string; gradeId: string }[]>`
    SELECT a."staffId", a."gradeId" FROM "assignment" a
     WHERE a."endsOn" IS NULL AND NOT a."isHead" AND a."staffId" <> ${supervisor}::uuid LIMIT 1`;
  tied = person?.staffId ?? '';
  const units = await db().orgUnit.findMany({
    where: { kind: 'section', id: { not: movedTo } },
    select: { id: true },
    take: 2,
    orderBy: { code: 'desc' },
  });
  tiedHeadUnit = units[1]?.id ?? '';
  const on = since();
  await db().assignment.createMany({
    data: [
      { staffId: tied, orgUnitId: units[0]?.id ?? '', gradeId: person?.gradeId ?? '', startsOn: on },
      { staffId: tied, orgUnitId: tiedHeadUnit, gradeId: person?.gradeId ?? '', startsOn: on, isHead: true },
    ],
  });
  await refreshDashboardRollup(db());
});

/** Staff per unit as the API's queries place them on a day. */
async function perUnit(on: Prisma.Sql): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ orgUnitId: string; n: number }[]>(
    Prisma.sql`SELECT p."orgUnitId", count(*)::int AS n FROM ${countingPostsSql(on)} p
                JOIN "staff" s ON s.id = p."staffId" GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.orgUnitId, r.n]));
}

describe('the post that counts', () => {
  it('places everyone alike in the rollup and in the queries, this 年度 and a past one', async () => {
    const fy = fiscalYearOf(day());
    for (const [year, on] of [
      // the view's own reference dates: the database's today, and a past 年度's last day
      [fy, Prisma.sql`CURRENT_DATE`],
      [fy - 2, Prisma.sql`${`${fy - 1}-03-31`}::date`],
    ] as const) {
      const view = await db().$queryRaw<{ orgUnitId: string; staff: number }[]>`
        SELECT "orgUnitId", "staff" FROM "dashboard_unit_year" WHERE "fiscalYear" = ${year}`;
      const queried = await perUnit(on);
      expect(new Map(view.map((r) => [r.orgUnitId, r.staff])), `年度 ${year}`).toEqual(queried);
    }
    const [placed] = await db().$queryRaw<{ orgUnitId: string }[]>(
      Prisma.sql`SELECT p."orgUnitId" FROM ${countingPostsSql(Prisma.sql`${day()}::date`)} p WHERE p."staffId" = ${moved}::uuid`,
    );
    expect(placed?.orgUnitId).toBe(movedTo);
    const [head] = await db().$queryRaw<{ orgUnitId: string }[]>(
      Prisma.sql`SELECT p."orgUnitId" FROM ${countingPostsSql(Prisma.sql`${day()}::date`)} p WHERE p."staffId" = ${tied}::uuid`,
    );
    expect(head?.orgUnitId).toBe(tiedHeadUnit);
  });

  it('books OJT where the rollup places the trainee (the trigger’s look-up)', async () => {
    for (const staffId of [moved, tied]) {
      const [row] = await db().$queryRaw<{ trigger: string | null; counted: string | null }[]>(
        Prisma.sql`SELECT "ojt_session_unit"(${staffId}::uuid, ${day()}::date) AS trigger,
                          (SELECT p."orgUnitId" FROM ${countingPostsSql(Prisma.sql`${day()}::date`)} p
                            WHERE p."staffId" = ${staffId}::uuid) AS counted`,
      );
      expect(row?.trigger).toBe(row?.counted);
      expect(row?.trigger).not.toBeNull();
    }
  });

  it('shows each member of the team dashboard in the post that counts', async () => {
    const cookie = await signIn(ctx().app, 'demo-supervisor');
    const res = await ctx().app.inject({ url: '/api/dashboards/team?pageSize=100', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { staff: { id: string }; unit: { id: string } | null }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    const [rows] = [
      await db().$queryRaw<{ staffId: string; orgUnitId: string }[]>(
        Prisma.sql`SELECT p."staffId", p."orgUnitId" FROM ${countingPostsSql(Prisma.sql`${day()}::date`)} p
                    WHERE p."staffId" = ANY(${items.map((i) => i.staff.id)}::uuid[])`,
      ),
    ];
    const counted = new Map(rows.map((r) => [r.staffId, r.orgUnitId]));
    for (const i of items) expect(i.unit?.id, i.staff.id).toBe(counted.get(i.staff.id));
    // demo-staff, in the team by their old post, shows in the post that counts
    expect(items.find((i) => i.staff.id === moved)?.unit?.id).toBe(movedTo);
  });
});
