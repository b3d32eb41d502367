import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Each file has its own database and app (test/database.ts, test/app.ts) and nothing mocks a
    // module, so a worker keeps the modules it loaded for its next file: the app, Prisma and their
    // packages load once per worker, not once per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
