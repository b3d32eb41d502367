import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this file so that every entry point agrees. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const paths = {
  root,
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: path.join(root, 'prisma/migrations'),
  seed: path.join(root, 'prisma/seed'),
  /** The built SPA (WEB_DIST points elsewhere, for a build kept apart from the usual one) */
  webDist: process.env.WEB_DIST ?? path.join(root, 'apps/web/dist'),
  defaultDataDir: path.join(root, '.data'),
} as const;
