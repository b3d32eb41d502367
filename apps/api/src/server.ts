/**
 * `pnpm start` and `pnpm dev`: migrates and seeds the database, then serves the portal.
 */
import { start } from './start.ts';

await start({ prepare: 'apply' });
