import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 812 } });

/** How many lines an element's text takes: the distinct tops of its text's boxes. */
function linesOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((el) => (el.textContent ?? '').trim() !== '')
      .map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        return { text: (el.textContent ?? '').trim(), lines: tops.size };
      }),
  );
}

/**
 * On a 375 px phone and in print, a figure never breaks inside its value (「1,03/2」, 「25.9/%」) and a
 * 局・区's name in a table's row heading does not stack one character per line.
 */
for (const media of ['screen', 'print'] as const) {
  test(`figures stay whole on a phone (${media})`, async ({ login, portal, page }) => {
    test.setTimeout(90_000);
    await login('exec');
    await page.emulateMedia({ media });
    for (const path of ['/dashboards/rollout', '/dashboards/rollout/print']) {
      await portal.goto(path);
      await expect(page.locator('.tabular-nums').first()).toBeVisible();
      const figures = await linesOf(page, '.tabular-nums');
      expect(figures.length).toBeGreaterThan(5);
      expect(figures.filter((f) => f.lines !== 1)).toEqual([]);
      const headings = await linesOf(page, 'th[scope="row"]');
      // A name of three or more characters takes fewer lines than it has characters.
      expect(headings.filter((h) => [...h.text].length >= 3 && h.lines >= [...h.text].length)).toEqual([]);
    }
  });
}

test('English chart axes show whole labels, wrapped rather than cut', async ({ login, portal, page }) => {
  await login('exec');
  await portal.goto('/dashboards/rollout');
  await portal.switchLanguage('en');
  const ticks = page.locator('text[data-full-label]');
  await expect(ticks.first()).toBeVisible();
  const labels = await ticks.evaluateAll((els) =>
    els.map((el) => ({ full: el.getAttribute('data-full-label') ?? '', shown: el.textContent ?? '' })),
  );
  expect(labels.length).toBeGreaterThan(0);
  for (const { full, shown } of labels) {
    // every word of the label is on the axis (a label beyond three lines ends in an ellipsis)
    if (!shown.endsWith('…')) expect(shown.replaceAll(/\s/g, '')).toBe(full.replaceAll(/\s/g, ''));
  }
  await portal.switchLanguage('ja');
});
