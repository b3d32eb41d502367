import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { commonPasswords } from './build/common-passwords.ts';
import { translations } from './build/translations.ts';

export default defineProject({
  plugins: [react(), translations(), commonPasswords()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/shared/test/setup.ts'],
    // A page's first render loads its code through the real router; on a busy 2-core machine
    // (CI, or several checkouts testing at once) that alone can take longer than the default 5 s.
    testTimeout: 15_000,
    // Every test renders into its own providers, router and query client and nothing mocks a module,
    // so a worker keeps jsdom and the modules it loaded for its next file instead of building them
    // again per file.
    isolate: false,
    // Two side by side even on a 2-core machine: they run after the API's files, once the build that
    // `pnpm test` runs beside Vitest has finished.
    maxWorkers: 2,
    // after the API's group of files (apps/api/vitest.config.ts)
    sequence: { groupOrder: 1 },
  },
});
