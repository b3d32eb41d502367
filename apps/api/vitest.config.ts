import { availableParallelism } from 'node:os';
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
    // Vitest's default leaves one core free (a single worker on a 2-core machine); these files spend
    // much of their time waiting on PostgreSQL, so two run side by side even there. They run as a
    // group before the other projects, which keep Vitest's default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { groupOrder: 0 },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
