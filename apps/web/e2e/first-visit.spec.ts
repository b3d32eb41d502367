import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures.ts';

const KB = 1024;
/**
 * What a first visit (the sign-in page, then the start page) may download in JavaScript, on the wire
 * (decision 037; each chunk's own budget is in javascript-budget.spec.ts).
 */
const FIRST_VISIT_BUDGET = 150 * KB;

/** Records every script the page downloads, with the bytes its body took on the wire. */
function recordScripts(page: Page) {
  const scripts: Array<{ url: string; bytes: number; encoding: string }> = [];
  page.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'script') return;
    const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
    scripts.push({
      url: new URL(request.url()).pathname,
      bytes: sizes.responseBodySize,
      encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
    });
  });
  return scripts;
}

const total = (scripts: Array<{ bytes: number }>) => scripts.reduce((sum, s) => sum + s.bytes, 0);

test('a first visit downloads at most 150 KB of JavaScript: the sign-in page, then the start page', async ({
  page,
  portal,
}) => {
  const scripts = recordScripts(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインイン');
  const signIn = total(scripts);

  await page.getByLabel('ログインID').fill('demo-staff');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await portal.waitForContent();
  await page.waitForLoadState('networkidle');

  const report = scripts.map((s) => `${(s.bytes / KB).toFixed(1).padStart(6)} KB ${s.encoding} ${s.url}`);
  const summary = `sign-in ${(signIn / KB).toFixed(1)} KB, with the start page ${(total(scripts) / KB).toFixed(1)} KB`;
  test.info().annotations.push({ type: 'first visit', description: summary });
  console.info(`first visit: ${summary}\n${report.join('\n')}`);
  expect(
    scripts.every((s) => s.encoding !== 'identity'),
    report.join('\n'),
  ).toBe(true);
  expect(total(scripts), `${summary}\n${report.join('\n')}`).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
  // Nothing that only other pages need: the English texts, and the texts of the feature pages.
  expect(scripts.filter((s) => /\/(en-|ja-features-)/.test(s.url))).toEqual([]);
  expect(scripts.filter((s) => /\/ja-shell-/.test(s.url))).toHaveLength(1);
});
