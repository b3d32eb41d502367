import { expect, policyPages, test } from './fixtures.ts';

// Every page but /sign-in needs a session: sign in as demo-staff (職員) first.
test.beforeEach(async ({ login }) => {
  await login('staff');
});

// Each test opens its own pages and only reads: they share out over the workers.
test.describe.configure({ mode: 'parallel' });

test.describe('accessibility (ja, en)', () => {
  for (const { path, name } of policyPages) {
    test(`${name} has no serious WCAG 2.1 AA violations`, async ({ portal }) => {
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    });
  }

  test('the 1on1 page has no serious WCAG 2.1 AA violations', async ({ portal }) => {
    await portal.goto('/one-on-ones');
    await portal.expectNoSeriousA11yViolationsInBothLanguages();
  });

  test('the notifications and their mail settings', async ({ portal }) => {
    for (const path of ['/notifications', '/notifications/settings']) {
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    }
  });

  test('the filtered initiatives and the not-found page too', async ({ portal, page }) => {
    await portal.goto('/policy/initiatives?tag=young&tag=workplace');
    await portal.expectNoSeriousA11yViolationsInBothLanguages();
    await page.goto('/no-such-page');
    await portal.expectNoSeriousA11yViolations();
    await portal.switchLanguage('en');
    await portal.expectNoSeriousA11yViolations();
  });
});

/** Ids of the demo survey rounds (the open autumn round, the closed spring one), read as the role. */
async function surveyIds(request: import('@playwright/test').APIRequestContext) {
  const res = await request.get('/api/surveys?pageSize=100');
  const items = ((await res.json()) as { items: { id: string; status: string }[] }).items;
  return {
    open: items.find((s) => s.status === 'open')?.id ?? 'none',
    closed: items.find((s) => s.status === 'closed')?.id ?? 'none',
  };
}

test('the survey pages a staff member sees have no serious WCAG 2.1 AA violations', async ({
  page,
  portal,
}) => {
  test.setTimeout(120_000);
  const ids = await surveyIds(page.request);
  for (const path of ['/surveys', `/surveys/${ids.open}/answer`]) {
    await portal.goto(path);
    await portal.expectNoSeriousA11yViolationsInBothLanguages();
  }
});

test("HR's survey pages have no serious WCAG 2.1 AA violations", async ({ login, page, portal }) => {
  test.setTimeout(240_000);
  const ids = await surveyIds(page.request);
  await login('hr');
  for (const path of [
    '/surveys',
    '/surveys/questions',
    '/surveys/new',
    `/surveys/${ids.open}/edit`,
    `/surveys/${ids.closed}/results`,
    `/surveys/${ids.closed}/results?groupBy=grade`,
  ]) {
    await portal.goto(path);
    await portal.expectNoSeriousA11yViolationsInBothLanguages();
  }
});

/** The open 自己申告 round of the demo year, as demo-staff sees it. */
async function openRoundId(request: import('@playwright/test').APIRequestContext) {
  const rounds = await (await request.get('/api/self-declaration-rounds?phase=open')).json();
  return (rounds as { items: { id: string }[] }).items[0]?.id ?? 'none';
}

test.describe('the 自己申告 pages have no serious WCAG 2.1 AA violations', () => {
  test('the staff member’s', async ({ page, portal }) => {
    test.setTimeout(120_000);
    const roundId = await openRoundId(page.request);
    for (const path of ['/self-declaration', `/self-declaration/${roundId}`]) {
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    }
  });

  test('the supervisor’s', async ({ login, page, portal }) => {
    test.setTimeout(120_000);
    const roundId = await openRoundId(page.request);
    await page.context().clearCookies();
    await login('supervisor');
    const people = await (
      await page.request.get(`/api/self-declaration-rounds/${roundId}/declarations`)
    ).json();
    const submitted = (people as { items: { staff: { id: string }; status: string }[] }).items.find(
      (p) => p.status === 'submitted',
    );
    for (const path of [
      '/team/self-declarations',
      `/team/self-declarations/${roundId}/${submitted?.staff.id}`,
    ]) {
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    }
  });

  test('HR’s', async ({ login, page, portal }) => {
    test.setTimeout(240_000);
    await page.context().clearCookies();
    await login('hr');
    const hrRounds = await (await page.request.get('/api/self-declaration-rounds?pageSize=1')).json();
    const hrRoundId = (hrRounds as { items: { id: string }[] }).items[0]?.id ?? 'none';
    for (const path of [
      '/self-declaration-rounds',
      '/self-declaration-rounds/manage',
      '/self-declaration-rounds/new',
      `/self-declaration-rounds/${hrRoundId}/edit`,
      '/rotation-finder',
    ]) {
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    }
  });
});

test("HR's grades and job families page has no serious WCAG 2.1 AA violations", async ({
  login,
  page,
  portal,
}) => {
  test.setTimeout(90_000);
  await login('hr', { fresh: true });
  await portal.goto('/master-data');
  await portal.expectNoSeriousA11yViolationsInBothLanguages();
  // with an item's edit form open, in English and then in Japanese
  await portal.switchLanguage('en');
  await page.getByRole('button', { name: /^Edit Senior staff/ }).click();
  await portal.expectNoSeriousA11yViolations();
  await portal.switchLanguage('ja');
  await expect(page.getByRole('button', { name: '主任を編集' })).toHaveCount(0);
  await portal.expectNoSeriousA11yViolations();
});
