import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The API's files that take longest, longest first. A file that starts last and runs for a minute
 * leaves the other worker idle for that minute, so these start first; the short ones fill in around
 * them. (The API's files run as a group of two workers before the other projects:
 * apps/api/vitest.config.ts.)
 */
const LONGEST = [
  'apps/api/test/fuzz.test.ts',
  'apps/api/src/features/surveys/survey.routes.test.ts',
  'apps/api/src/features/training/training.routes.test.ts',
  'apps/api/src/features/ojt/ojt.routes.test.ts',
  'apps/api/test/unauthorized-access.test.ts',
  'apps/api/src/features/org/master-data.routes.test.ts',
  'apps/api/test/embedded.test.ts',
  'apps/api/src/features/jobs/mail-jobs.test.ts',
];

/**
 * Vitest's own order (by each file's duration in the last run on this checkout, else by size), with
 * the files above first when that order knows no durations, as on a fresh clone.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const key = (spec: TestSpecification) =>
      `${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`;
    if (sorted.every((spec) => this.ctx.cache.getFileTestResults(key(spec)))) return sorted;
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.indexOf(path.relative(this.ctx.config.root, spec.moduleId));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/web'],
    sequence: { sequencer: LongestFirst },
  },
});
