/**
 * `pnpm bench <name> [args…]` runs bench/<name>.ts (benchmarks, not tests: each makes its own database
 * on the local PostgreSQL and drops it afterwards); without a name, lists them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'lib.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const [name, ...args] = process.argv.slice(2);

if (!name || !benches.includes(name)) {
  if (name) console.error(`no benchmark named "${name}"`);
  console.info(`usage: pnpm bench <name> [args…]\nbenchmarks: ${benches.join(', ')}`);
  process.exit(name ? 1 : 0);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`), ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
