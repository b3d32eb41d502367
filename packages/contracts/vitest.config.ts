import { defineProject } from 'vitest/config';

export default defineProject({
  // beside the web app's files, with as many workers (Vitest requires that of one group)
  test: { name: 'contracts', include: ['src/**/*.test.ts'], sequence: { groupOrder: 1 }, maxWorkers: 2 },
});
