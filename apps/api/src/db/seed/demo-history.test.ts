/**
 * The demo's past: the two 年度 before this one have their people, OJT, training, career plans and KPI
 * actuals, so that the trends and year pickers of the dashboards show history, and nothing the demo
 * decided is dated after today. Read through the real API on the seeded demo database.
 */
import { fiscalYearOf, type RolloutDashboard, type TeamDashboard } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { refreshDashboardRollup } from '../../features/dashboards/dashboard-rollup.ts';

const ctx = useTestApp();
const FY = fiscalYearOf(today().toISOString().slice(0, 10));
const cookies: Record<string, string> = {};
let app: FastifyInstance;
const get = async <T>(who: string, url: string): Promise<T> => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

beforeAll(async () => {
  app = ctx().app;
  for (const who of ['demo-hr', 'demo-supervisor']) cookies[who] = await signIn(app, who);
  await refreshDashboardRollup(ctx().database.db);
});

describe('the demo organisation over three 年度', () => {
  it('places the whole organisation in each of the two 年度 before, with OJT, training and career plans', async () => {
    const now = await get<RolloutDashboard>('demo-hr', `/api/dashboards/rollout?fiscalYear=${FY}`);
    expect(now.fiscalYears).toEqual(expect.arrayContaining([FY - 2, FY - 1, FY]));
    for (const fy of [FY - 1, FY - 2]) {
      const point = now.trend.find((t) => t.fiscalYear === fy);
      expect(point, `trend point of ${fy}`).toBeDefined();
      // everyone hired by then is placed: nearly the whole of today's organisation, not one person
      expect(point?.staff ?? 0).toBeGreaterThan(now.summary.staff * 0.9);
      expect(point?.ojtCoverage ?? 0).toBeGreaterThan(0.4);
      expect(point?.trainingCompleted ?? 0).toBeGreaterThan(50);
      expect(point?.careerSubmitted ?? 0).toBeGreaterThan(50);
    }
    // OJT took hold year by year, never from nothing
    const coverage = (fy: number) => now.trend.find((t) => t.fiscalYear === fy)?.ojtCoverage ?? 0;
    expect(coverage(FY - 2)).toBeLessThan(coverage(FY - 1));
  });

  it('gives the demo supervisor a team in last 年度', async () => {
    const last = await get<TeamDashboard>('demo-supervisor', `/api/dashboards/team?fiscalYear=${FY - 1}`);
    expect(last.totals.members).toBeGreaterThanOrEqual(2);
    expect(last.totals.sessions).toBeGreaterThan(0);
    expect(last.totals.withPlan).toBeGreaterThan(0);
  });

  it('has KPI actuals entered for the past 年度 of the period in force', async () => {
    const { db } = ctx().database;
    const years = await db.kpiActual.groupBy({ by: ['fiscalYear'], _count: true });
    const counted = new Map(years.map((y) => [y.fiscalYear, y._count]));
    expect(counted.get(FY - 1) ?? 0).toBeGreaterThan(0);
    expect(counted.get(FY - 2) ?? 0).toBeGreaterThan(0);
  });

  it('dates no decision after today', async () => {
    const { db } = ctx().database;
    const now = new Date();
    const later = { gt: now };
    const counts = await Promise.all([
      db.trainingApplication.count({
        where: {
          OR: [
            { supervisorDecidedAt: later },
            { hrDecidedAt: later },
            { createdAt: later },
            { completedOn: later },
          ],
        },
      }),
      db.ojtSession.count({ where: { OR: [{ occurredOn: later }, { acknowledgedAt: later }] } }),
      db.careerPlan.count({ where: { submittedAt: later } }),
      db.careerPlanComment.count({ where: { createdAt: later } }),
      db.selfDevelopmentRecord.count({ where: { OR: [{ startedOn: later }, { completedOn: later }] } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps one head per unit on every day of the past 年度', async () => {
    const { db } = ctx().database;
    const clashes = await db.$queryRawUnsafe<{ n: number }[]>(`
      SELECT COUNT(*)::int AS n FROM (
        SELECT d::date AS day, a."orgUnitId"
        FROM generate_series(make_date(${FY - 2}, 4, 1), make_date(${FY}, 3, 31), interval '1 month') d
        JOIN "assignment" a ON a."isHead" AND a."startsOn" <= d AND (a."endsOn" IS NULL OR a."endsOn" >= d)
        GROUP BY 1, 2 HAVING COUNT(*) > 1) x`);
    expect(clashes[0]?.n).toBe(0);
  });
});
