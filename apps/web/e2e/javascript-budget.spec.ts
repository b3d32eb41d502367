import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';

const KB = 1024;
/** What any one chunk may weigh on the wire (decision 037). */
const CHUNK_BUDGET = 100 * KB;

test('every chunk of the build weighs at most 100 KB compressed', () => {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/assets');
  const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(0);
  const heavy = chunks
    .map((name) => ({
      name,
      bytes: statSync(path.join(assets, `${name}.br`), { throwIfNoEntry: false })?.size,
    }))
    .filter((chunk) => (chunk.bytes ?? 0) > CHUNK_BUDGET);
  expect(heavy).toEqual([]);
});

test('the password meter fetches the common-password list as data on the password page only', async ({
  page,
  login,
  portal,
}) => {
  const lists: Array<{ type: string; encoding: string | null }> = [];
  page.on('requestfinished', async (request) => {
    if (!/\/assets\/common-passwords-[^/]+\.txt$/.test(new URL(request.url()).pathname)) return;
    const response = await request.response();
    lists.push({
      type: request.resourceType(),
      encoding: (await response?.headerValue('content-encoding')) ?? null,
    });
  });
  await login('staff');
  await page.goto('/');
  await portal.waitForContent();
  expect(lists).toEqual([]);

  await page.goto('/account');
  const field = page.getByLabel('新しいパスワード', { exact: true });
  // Long enough for any rule, and one of the common passwords the server refuses.
  await field.fill('momsanaladventure');
  await expect(page.getByText(/^(とても弱い|弱い)$/)).toBeVisible();
  // the listener records the request once it has read the answer's headers, which can be after the meter shows
  await expect.poll(() => lists).toEqual([{ type: 'fetch', encoding: 'br' }]);
  await field.fill('Kinoko-Tsukushi-Hoshizora-42');
  await expect(page.getByText('とても強い')).toBeVisible();
});
