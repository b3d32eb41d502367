/**
 * `pnpm start:prod`: the entry bundled by `pnpm build` into apps/api/dist/server.js. It applies no
 * migrations on an external database: `pnpm db:migrate` does, once, before the instances start.
 */
import { start } from './start.ts';

await start({ prepare: 'check' });
