import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, type Cookie, expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

export { expect };

export type Language = 'ja' | 'en';

/** The policy pages, with the `<h1>` each shows in either language (when the policy is loaded). */
export const policyPages = [
  { path: '/', name: 'overview', h1: { ja: '仙台市人材育成基本方針', en: null } },
  {
    path: '/policy/staff-images',
    name: 'staff images',
    h1: { ja: '目指す職員像', en: 'Target staff images' },
  },
  { path: '/policy/priorities', name: 'priorities', h1: { ja: '重点取組方針', en: 'Priority policies' } },
  {
    path: '/policy/initiatives',
    name: 'initiatives',
    h1: { ja: '施策分野別取組', en: 'Initiatives by area' },
  },
  { path: '/policy/promotion', name: 'promotion', h1: { ja: '推進体制', en: 'Promotion structure' } },
  {
    path: '/policy/roles',
    name: 'roles',
    h1: { ja: '各主体の役割・責務', en: 'Roles and responsibilities' },
  },
] as const;

const languageButton: Record<Language, string> = { ja: '日本語', en: 'English' };

type WithAxe = { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/** axe-core's browser build, read once per worker. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Helpers over one page of the portal. */
export class Portal {
  constructor(readonly page: Page) {}

  /** The main landmark. */
  get main() {
    return this.page.getByRole('main');
  }

  /** Opens a path and waits until its data has loaded (no loading state, no error). */
  async goto(path: string) {
    await this.page.goto(path);
    await this.waitForContent();
  }

  async waitForContent() {
    await expect(this.main.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(this.main.getByRole('status')).toHaveCount(0);
    await expect(this.main.getByRole('alert')).toHaveCount(0);
  }

  /** Switches the language with the header's switch, as a reader would. */
  async switchLanguage(language: Language) {
    const banner = this.page.getByRole('banner');
    const button = banner.getByRole('button', { name: languageButton[language], exact: true });
    // On a phone the switch is inside the header's menu.
    const inMenu = !(await button.isVisible());
    if (inMenu) await banner.getByRole('button', { name: /^(メニュー|Menu)$/ }).click();
    await button.click();
    if (inMenu) await this.page.keyboard.press('Escape');
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  /**
   * axe over the page as it is, run in the page itself: axe-core is added to the document once (a
   * language switch keeps the document, so the English pass reuses it) and `axe.run` reports only the
   * violations. `@axe-core/playwright` added axe's 500 KB again and read every passing node back on
   * each pass, 0.5–0.8 s of a pass's 0.7–2 s (decision 055).
   */
  private async axe(runOnly: RunOptions['runOnly']): Promise<AxeResults> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(axeSource);
    return this.page.evaluate((options) => (window as unknown as WithAxe).axe.run(document, options), {
      runOnly,
      resultTypes: ['violations'],
    } satisfies RunOptions);
  }

  /**
   * {@link expectNoSeriousA11yViolations} over the page shown, in Japanese and then in English: the
   * reader's switch re-renders the same page in English (no second load or sign-in), `<html lang>`
   * follows, and axe runs again over the English markup. Back in Japanese at the end, so the next page
   * opens in Japanese (decision 055).
   */
  async expectNoSeriousA11yViolationsInBothLanguages() {
    await this.waitForContent();
    await this.expectNoSeriousA11yViolations();
    await this.switchLanguage('en');
    await this.waitForContent();
    await this.expectNoSeriousA11yViolations();
    await this.switchLanguage('ja');
  }

  /** Fails when the page's headings skip a level or it has no h1 (axe's heading rules, any impact). */
  async expectHeadingsInOrder() {
    const results = await this.axe({
      type: 'rule',
      values: ['heading-order', 'page-has-heading-one', 'empty-heading'],
    });
    const found = results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.html) }));
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  }

  /** Fails on any serious or critical WCAG 2.1 A/AA violation, listing them readably. */
  async expectNoSeriousA11yViolations() {
    const results = await this.axe({ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }));
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  }
}

/** The demo accounts (DEMO_MODE), by the role each plays, with the name the header shows. */
export const demoUsers = {
  staff: { loginId: 'demo-staff', name: { ja: '若林 翼', en: 'Tsubasa Wakabayashi' } },
  supervisor: { loginId: 'demo-supervisor', name: { ja: '青木 直子', en: 'Naoko Aoki' } },
  staffOther: { loginId: 'demo-staff-other', name: { ja: '東 奈々', en: 'Nana Azuma' } },
  bureau: { loginId: 'demo-bureau', name: { ja: '本田 和彦', en: 'Kazuhiko Honda' } },
  hr: { loginId: 'demo-hr', name: { ja: '森 早紀', en: 'Saki Mori' } },
  exec: { loginId: 'demo-exec', name: { ja: '仙石 明美', en: 'Akemi Sengoku' } },
} as const;
export type DemoRole = keyof typeof demoUsers;
export const DEMO_PASSWORD = 'demo-password';

/**
 * Signs the test's browser context in as a demo role, through the API (`page.request` shares the
 * context's cookies). The API allows 30 sign-ins per address in 5 minutes, so each worker signs in
 * once per role and reuses that session's cookie; `{ fresh: true }` makes a new session (for tests
 * that end it, e.g. signing out).
 */
export type Login = (role: DemoRole, options?: { fresh?: boolean }) => Promise<void>;

type Fixtures = {
  /** Portal helpers for the test's page. */
  portal: Portal;
  login: Login;
};
type WorkerFixtures = { sessionCookies: Map<DemoRole, Cookie[]> };

export const test = base.extend<Fixtures, WorkerFixtures>({
  sessionCookies: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as an object
    async ({}, use) => {
      await use(new Map());
    },
    { scope: 'worker' },
  ],
  portal: async ({ page }, use) => {
    await use(new Portal(page));
  },
  login: async ({ page, sessionCookies }, use) => {
    await use(async (role, options = {}) => {
      const context = page.context();
      const cached = options.fresh ? undefined : sessionCookies.get(role);
      if (cached) {
        await context.addCookies(cached);
        return;
      }
      const response = await page.request.post('/api/auth/login', {
        data: { loginId: demoUsers[role].loginId, password: DEMO_PASSWORD },
      });
      expect(response.status(), await response.text()).toBe(200);
      if (!options.fresh) sessionCookies.set(role, await context.cookies());
    });
  },
});
