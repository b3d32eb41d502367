/**
 * The dashboards' rollup is worked out by the background job, never by a read: a read sends no
 * REFRESH and tells the age every instance agrees on (the stamp in the database); the job (run at
 * start-up and every 5 minutes) refreshes the view and the stamp.
 */
import type { OrgUnitDashboard, RolloutDashboard } from '@portal/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/app.ts';
import { useCountingApp } from '../../../test/statements.ts';
import { parseEnv } from '../../env.ts';
import { createMailer } from '../../mail/mailer.ts';
import { type Jobs, startJobs } from '../jobs/queue.ts';

const ctx = useCountingApp();
let jobs: Jobs | undefined;
afterAll(async () => {
  await jobs?.stop();
});

const stamp = async () => {
  const rows = await ctx().db.$queryRaw<{ refreshedAt: Date }[]>`
    SELECT "refreshedAt" FROM "rollup_refresh" WHERE "name" = 'dashboard_unit_year'`;
  return rows[0]?.refreshedAt ?? null;
};
const careerSubmitted = async () => {
  const [row] = await ctx().db.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(SUM("careerSubmitted"), 0)::int AS n FROM "dashboard_unit_year"`;
  return row?.n ?? 0;
};

describe('the dashboards rollup', () => {
  it('is never refreshed by a read: the dashboards tell the age stored in the database', async () => {
    const { app, db, count } = ctx();
    // as another instance would have left it an hour ago
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.$executeRaw`UPDATE "rollup_refresh" SET "refreshedAt" = ${hourAgo} WHERE "name" = 'dashboard_unit_year'`;
    const cookie = await signIn(app, 'demo-exec');
    const rollout = await count({ url: '/api/dashboards/rollout', headers: { cookie } });
    const body = (
      await app.inject({ url: '/api/dashboards/rollout', headers: { cookie } })
    ).json<RolloutDashboard>();
    const bureauId = body.units[0]?.unit?.id as string;
    const unit = await count({ url: `/api/dashboards/org-units/${bureauId}`, headers: { cookie } });
    const unitBody = (
      await app.inject({ url: `/api/dashboards/org-units/${bureauId}`, headers: { cookie } })
    ).json<OrgUnitDashboard>();
    for (const statement of [...rollout.statements, ...unit.statements]) {
      expect(statement).not.toMatch(/REFRESH MATERIALIZED/i);
    }
    expect(body.refreshedAt).toBe(hourAgo.toISOString());
    expect(unitBody.refreshedAt).toBe(hourAgo.toISOString());
    expect((await stamp())?.toISOString()).toBe(hourAgo.toISOString());
  });

  it('is refreshed by the background job at start-up: new figures and a new stamp', async () => {
    const { db } = ctx();
    const before = await stamp();
    const submitted = await careerSubmitted();
    expect(submitted).toBeGreaterThan(0);
    // a change the view does not show until it is worked out again
    await db.$executeRaw`UPDATE "career_plan" SET "status" = 'draft'`;
    expect(await careerSubmitted()).toBe(submitted);

    const env = parseEnv({ SESSION_SECRET: 'x'.repeat(48), NOTIFY_DISPATCH_SECONDS: '60' });
    jobs = await startJobs({
      db,
      url: ctx().url,
      env,
      secret: 'test-secret-'.padEnd(40, 'x'),
      mailer: createMailer(env),
      log: { error: () => undefined, info: () => undefined },
      pollingSeconds: 0.5,
    });
    const deadline = Date.now() + 20_000;
    while ((await stamp())?.getTime() === before?.getTime() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await stamp())?.getTime()).toBeGreaterThan(before?.getTime() ?? 0);
    expect(await careerSubmitted()).toBe(0);
  });
});
