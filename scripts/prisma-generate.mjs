// Generates the Prisma client without Prisma's native engines.
// `prisma generate` only checks that a schema-engine binary path exists; it never runs it, and the
// download it would otherwise attempt is unreachable here. Point it at this file.
// The client is generated again only when something that shapes it changed (the schema, Prisma's
// version, this script): `pnpm typecheck` and `pnpm build` both ask for it, CI runs both.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const output = path.join(root, 'apps/api/src/generated/prisma');
const stamp = path.join(output, '.inputs');

const inputs = createHash('sha256');
for (const file of [
  'prisma/schema.prisma',
  'prisma.config.ts',
  'scripts/prisma-generate.mjs',
  'node_modules/prisma/package.json',
]) {
  inputs.update(file).update(readFileSync(path.join(root, file)));
}
const digest = inputs.digest('hex');
if (
  existsSync(path.join(output, 'client.ts')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === digest
) {
  process.stdout.write('Prisma client up to date\n');
  process.exit(0);
}

const result = spawnSync('pnpm', ['exec', 'prisma', 'generate'], {
  stdio: 'inherit',
  cwd: root,
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.status === 0) writeFileSync(stamp, digest);
process.exit(result.status ?? 1);
