// `pnpm test`: the build and the vitest projects side by side (no vitest test reads the build; the
// integration tests leave a core idle while they wait on PostgreSQL), then the Playwright suite,
// which serves the build. The build's output is shown when it ends, not amid the tests' lines.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
}

const generated = await run(['run', 'generate']);
if (generated.code !== 0) process.exit(generated.code);

const build = run(['run', 'build'], { quiet: true }).then((result) => {
  process.stdout.write(`\n── pnpm build (exit ${result.code})\n${result.output}\n`);
  return result;
});
const unit = await run(['exec', 'vitest', 'run']);
const built = await build;
if (unit.code !== 0 || built.code !== 0) process.exit(unit.code || built.code);

const browser = await run(['--filter', '@portal/web', 'run', 'test:e2e']);
process.exit(browser.code);
