/**
 * Bundles the API's production entry into dist/server.js: its own code, the workspace's contracts
 * and the generated Prisma client compiled once, the other packages left to node_modules. `pnpm start:prod` runs the result with
 * plain Node, without compiling TypeScript at start (decision 036).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

await rm(path.join(here, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { server: path.join(here, 'src/server.prod.ts') },
  outdir: path.join(here, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  plugins: [
    {
      // packages stay in node_modules, except the workspace's own, which are TypeScript sources
      name: 'external-packages',
      setup(context) {
        context.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@portal/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  sourcemap: true,
  logLevel: 'warning',
});
