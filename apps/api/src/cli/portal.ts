/**
 * `pnpm portal <command>` — the first steps of a real installation, against DATABASE_URL or the
 * embedded database in DATA_DIR (like `pnpm db:*`):
 *
 *   roster-import <file.csv|file.xlsx> [--apply]   preview the roster import; apply it with --apply
 *   invite <loginId> [--hr-admin]                  make (or renew) an invitation and print its link
 *   grant <loginId> hr-admin                       grant 人材育成部門 administration
 *   revoke <loginId> hr-admin                      revoke it (never the last one)
 *
 * Changes are audited with the actor "system".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../db/setup.ts';
import { parseEnv } from '../env.ts';
import { createAccountService } from '../features/auth/account.service.ts';
import { createRosterService } from '../features/roster/roster.service.ts';
import { createMailer } from '../mail/mailer.ts';
import { AppError } from '../shared/errors.ts';

const USAGE = `usage: pnpm portal <command>
  roster-import <file.csv|file.xlsx> [--apply]
  invite <loginId> [--hr-admin]
  grant <loginId> hr-admin
  revoke <loginId> hr-admin`;

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const [command, ...args] = argv.filter((a) => !a.startsWith('--'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string, code = 1) => {
  process.stderr.write(`${line}\n`);
  process.exitCode = code;
};

const known = ['roster-import', 'invite', 'grant', 'revoke'];
if (!command || !known.includes(command)) {
  fail(USAGE, 2);
  process.exit();
}

const env = parseEnv();
const handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: 2 });
const mailer = createMailer(env);

try {
  switch (command) {
    case 'roster-import': {
      const file = args[0];
      if (!file) {
        fail(USAGE, 2);
        break;
      }
      const bytes = await readFile(path.resolve(env.invokedIn ?? process.cwd(), file));
      const name = path.basename(file);
      const roster = createRosterService({ db: handle.db });
      const rosterFile = {
        name,
        bytes,
        contentType: name.toLowerCase().endsWith('.xlsx')
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
      };
      const preview = await roster.previewRoster('system', rosterFile);
      const t = preview.totals;
      out(`${name} (${preview.format}${preview.encoding ? `, ${preview.encoding}` : ''})`);
      out(`rows: ${JSON.stringify(t)}`);
      out(`new units: ${preview.units.create}; assignments: ${JSON.stringify(preview.assignments)}`);
      for (const e of preview.errors.slice(0, 20)) out(`  row ${e.row} ${e.field}: ${e.message}`);
      if (preview.errorCount > 0) {
        fail(`${preview.errorCount} row error(s): nothing imported. Correct the file and run again.`);
        break;
      }
      if (!flags.has('--apply')) {
        out('preview only: run again with --apply to import');
        break;
      }
      const result = await roster.applyRoster('system', rosterFile, preview.token, undefined);
      out(
        `imported: staff ${result.staff.created} created, ${result.staff.updated} updated; units ${result.units.created} created`,
      );
      break;
    }
    case 'invite': {
      const loginId = args[0];
      if (!loginId) {
        fail(USAGE, 2);
        break;
      }
      const accounts = createAccountService({ db: handle.db, env, mailer });
      if (flags.has('--hr-admin')) {
        const granted = await accounts.setHrAdmin(loginId, true);
        out(granted === 'changed' ? `${loginId}: hr_admin granted` : `${loginId}: already hr_admin`);
      }
      const invitation = await accounts.inviteByLogin(loginId);
      out(invitation.url);
      out(`expires at ${invitation.expiresAt}${invitation.mailed ? '; mailed' : ''}`);
      break;
    }
    case 'grant':
    case 'revoke': {
      const [loginId, role] = args;
      if (!loginId || role !== 'hr-admin') {
        fail(USAGE, 2);
        break;
      }
      const accounts = createAccountService({ db: handle.db, env, mailer });
      const result = await accounts.setHrAdmin(loginId, command === 'grant');
      out(
        `${loginId}: hr_admin ${result === 'unchanged' ? 'unchanged' : command === 'grant' ? 'granted' : 'revoked'}`,
      );
      break;
    }
  }
} catch (error) {
  if (error instanceof AppError) fail(`${error.code}: ${error.message}`);
  else throw error;
} finally {
  mailer.close();
  await handle.close();
}
// The embedded database leaves timers behind it; nothing is pending once the handle is closed.
process.exit();
