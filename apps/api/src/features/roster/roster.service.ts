/**
 * 職員名簿の取込 (roster import): HR previews a personnel-system export, then applies the same file.
 *
 * The preview is not stored: its token is the file's SHA-256, and apply takes the file again with
 * that token, reads it again and works the plan out again against the database as it is then. So any
 * API instance can apply what another previewed, and nothing is kept between the two requests.
 * Apply is one transaction (a file is imported whole or not at all), serialised with other imports,
 * and writes nothing for rows that change nothing: importing a file twice changes nothing the second
 * time.
 * One file per use case under `use-cases/` (preview, apply); the plan both work out in roster.plan.ts.
 */

import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { applyRoster } from './use-cases/apply-roster.ts';
import { previewRoster } from './use-cases/preview-roster.ts';

export type { RosterFile } from './roster.parser.ts';
export { rosterToken } from './roster.token.ts';

export function createRosterService(deps: { db: Db }) {
  const { db } = deps;
  return bindUseCases(db, {
    previewRoster,
    applyRoster,
  });
}

export type RosterService = ReturnType<typeof createRosterService>;
