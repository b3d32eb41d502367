/**
 * A real installation for one browser test: DEMO_MODE off on a fresh database of the machine's
 * PostgreSQL (migrated, the policy and the default grades and job families seeded by the server's own
 * start — nothing else), a real SMTP server in this process, and — with `REAL_INSTALL_SSO=true` —
 * a real OpenID provider and portal passwords off (`AUTH_LOCAL=false`).
 *
 * The test gives a free port (`REAL_INSTALL_PORT`) and a folder (`REAL_INSTALL_DIR`); this process
 * writes `state.json` there once the portal answers (its URL and database, for the `pnpm portal`
 * command line) and every mail that arrives as `mail-<n>.json` (to, subject, text). SIGTERM stops
 * the portal and drops the database.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { paths } from '../src/paths.ts';
import { startTestProvider } from './oidc-provider.ts';

const port = process.env.REAL_INSTALL_PORT ?? '';
const dir = process.env.REAL_INSTALL_DIR ?? '';
const sso = process.env.REAL_INSTALL_SSO === 'true';
if (!port || !dir) throw new Error('REAL_INSTALL_PORT and REAL_INSTALL_DIR are needed');
const portalUrl = `http://127.0.0.1:${port}`;
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const admin = new pg.Client(pgConfigFromUrl(adminUrl));
await admin.connect();
// A run killed before it could clean up leaves its database behind; this port is ours now.
const stale = await admin.query<{ datname: string }>(
  'SELECT datname FROM pg_database WHERE datname LIKE $1',
  [`portal_real_${port}_%`],
);
for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
const name = `portal_real_${port}_${Date.now()}`;
await admin.query(`CREATE DATABASE "${name}"`);
const databaseUrl = withDatabase(adminUrl, name);

let mails = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then(async (mail) => {
        const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
          a.value.map((v) => v.address ?? ''),
        );
        mails += 1;
        await writeFile(
          path.join(dir, `mail-${mails}.json`),
          JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '' }),
        );
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const provider = sso ? await startTestProvider({ portalUrl }) : undefined;
const child = spawn(process.execPath, ['--import', 'tsx', path.join(paths.root, 'apps/api/src/server.ts')], {
  stdio: 'inherit',
  cwd: path.join(paths.root, 'apps/api'),
  env: {
    PATH: process.env.PATH,
    PORT: port,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DEMO_MODE: 'false',
    SESSION_SECRET: 'a-real-installation-session-secret-0123456789',
    PUBLIC_URL: portalUrl,
    SMTP_URL: smtpUrl,
    MAIL_FROM: '人材育成ポータル <jinzai@city.example>',
    JOBS: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(provider
      ? {
          AUTH_LOCAL: 'false',
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
        }
      : {}),
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
  await provider?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  process.exit(code);
}
child.on('exit', (code) => void stop(code ?? 1));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

// Ready when the portal answers; then the test may start.
for (let i = 0; i < 600 && !stopping; i++) {
  const ok = await fetch(`${portalUrl}/api/health`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) {
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ portalUrl, databaseUrl }));
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
