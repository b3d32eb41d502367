import type { Page } from '@playwright/test';
import { type DemoRole, expect, test } from './fixtures.ts';

// On a 375 px phone only a table (or a tab strip) may scroll sideways; no page may be laid out wider
// than the screen. Every page of every role is opened at that width.
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 375, height: 812 } });

const WIDTH = 375;

/** Ids of demo records, read through the API as the signed-in role. */
async function readIds(page: Page) {
  const get = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };
  const periods = await get<{ items: { id: string; ordinal: number }[] }>('/api/plan-periods');
  const period = periods.items.find((p) => p.ordinal === 2) ?? periods.items[0];
  const detail = await get<{ initiatives?: { items: { id: string }[] }[]; items?: { id: string }[] }>(
    `/api/plan-periods/${period?.id}`,
  );
  const itemId =
    detail.items?.[0]?.id ?? detail.initiatives?.flatMap((i) => i.items).find(Boolean)?.id ?? 'none';
  const trainings = await get<{ items: { id: string }[] }>('/api/trainings');
  const trainingId = trainings.items[0]?.id ?? 'none';
  const sessions = await get<{ items: { id: string }[] } | { id: string }[]>(
    `/api/trainings/${trainingId}/sessions`,
  );
  const sessionList = Array.isArray(sessions) ? sessions : sessions.items;
  const staff = await get<{ items: { id: string }[] }>('/api/staff?pageSize=5');
  const units = await get<{ items: { id: string; kind: string }[] }>('/api/org-units');
  const rounds = await get<{ items: { id: string }[] }>('/api/self-declaration-rounds?pageSize=1');
  return {
    roundId: rounds.items[0]?.id ?? 'none',
    periodId: period?.id ?? 'none',
    itemId,
    trainingId,
    sessionId: sessionList[0]?.id ?? 'none',
    staffId: staff.items[0]?.id ?? 'none',
    bureauId: units.items.find((u) => u.kind === 'bureau')?.id ?? 'none',
  };
}

type Ids = Awaited<ReturnType<typeof readIds>>;

async function expectFitsPhone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);
  const width = await page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  );
  expect(width, `${path} is laid out at ${width} px`).toBeLessThanOrEqual(WIDTH);
}

const pages: Partial<Record<DemoRole, (x: Ids) => string[]>> = {
  staff: () => [
    '/',
    '/policy/staff-images',
    '/policy/priorities',
    '/policy/initiatives',
    '/policy/promotion',
    '/policy/roles',
    '/ojt',
    '/one-on-ones',
    '/career',
    '/career#path',
    '/self-declaration',
    '/training',
    '/training/applications',
    '/plan',
    '/notifications',
    '/notifications/settings',
    '/no-such-page',
  ],
  supervisor: () => [
    '/team',
    '/ojt/new',
    '/training/approvals',
    '/one-on-ones',
    '/one-on-ones/new',
    '/team/self-declarations',
  ],
  bureau: () => ['/dashboards'],
  hr: (x) => [
    '/staff',
    `/staff/${x.staffId}`,
    `/staff/${x.staffId}/career`,
    `/staff/${x.staffId}/ojt-plan`,
    '/org',
    '/audit',
    '/roster-import',
    '/master-data',
    '/self-declaration-rounds',
    '/self-declaration-rounds/manage',
    '/self-declaration-rounds/new',
    `/self-declaration-rounds/${x.roundId}/edit`,
    '/rotation-finder',
    `/plan/periods/${x.periodId}`,
    `/plan/periods/${x.periodId}/items/${x.itemId}`,
    '/training/new',
    '/training/acceptance',
    `/training/${x.trainingId}`,
    `/training/${x.trainingId}/edit`,
    `/training/sessions/${x.sessionId}`,
    `/dashboards/org-units/${x.bureauId}`,
  ],
  exec: () => ['/dashboards/rollout', '/dashboards/rollout/print'],
};

for (const role of Object.keys(pages) as DemoRole[]) {
  test(`every page of ${role} fits a 375 px phone`, async ({ login, page }) => {
    await login(role);
    const paths = (pages[role] ?? (() => []))(role === 'hr' ? await readIds(page) : ({} as Ids));
    for (const path of paths) await expectFitsPhone(page, path);
  });
}

test('the survey pages fit a 375 px phone', async ({ login, page }) => {
  const ids = async () => {
    const res = await page.request.get('/api/surveys?pageSize=100');
    const items = ((await res.json()) as { items: { id: string; status: string }[] }).items;
    return {
      open: items.find((s) => s.status === 'open')?.id ?? 'none',
      closed: items.find((s) => s.status === 'closed')?.id ?? 'none',
    };
  };
  await login('staff');
  const staff = await ids();
  for (const path of ['/surveys', `/surveys/${staff.open}/answer`]) await expectFitsPhone(page, path);
  await login('hr');
  const hr = await ids();
  for (const path of [
    '/surveys',
    '/surveys/questions',
    '/surveys/new',
    `/surveys/${hr.open}/edit`,
    `/surveys/${hr.closed}/results`,
  ]) {
    await expectFitsPhone(page, path);
  }
  await login('bureau');
  await expectFitsPhone(page, `/surveys/${hr.closed}/results`);
});
