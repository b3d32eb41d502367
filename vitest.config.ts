import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/web'],
    // Vitest's default leaves one core free (a single worker on a 2-core machine); the API's files
    // spend much of their time waiting on PostgreSQL, so two run side by side even there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
