import { policyPages, test } from './fixtures.ts';

// Every page but /sign-in needs a session: sign in as demo-staff (職員) first.
test.beforeEach(async ({ login }) => {
  await login('staff');
});

for (const language of ['ja', 'en'] as const) {
  test.describe(`accessibility (${language})`, () => {
    for (const { path, name } of policyPages) {
      test(`${name} has no serious WCAG 2.1 AA violations`, async ({ portal }) => {
        await portal.goto(path);
        if (language === 'en') await portal.switchLanguage('en');
        await portal.waitForContent();
        await portal.expectNoSeriousA11yViolations();
      });
    }

    test('the filtered initiatives and the not-found page too', async ({ portal, page }) => {
      await portal.goto('/policy/initiatives?tag=young&tag=workplace');
      if (language === 'en') await portal.switchLanguage('en');
      await portal.expectNoSeriousA11yViolations();
      await page.goto('/no-such-page');
      await portal.expectNoSeriousA11yViolations();
    });
  });
}
