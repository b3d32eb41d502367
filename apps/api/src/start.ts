/**
 * Starts the portal on one origin — the API under /api and the web app everywhere else — on
 * DATABASE_URL or, without it, on the embedded database in DATA_DIR. `prepare` says what happens to
 * the database first: `apply` migrates and seeds it (development, and the embedded database, which
 * only one process can open); `check` only refuses to start while migrations are pending, so several
 * instances can start at once after one `pnpm db:migrate` (decision 036).
 */
import { buildApp } from './app.ts';
import { pendingMigrations } from './db/migrator.ts';
import { openDatabase, prepareDatabase } from './db/setup.ts';
import { parseEnv, resolveSensitiveKeys, resolveSessionSecret } from './env.ts';
import { startJobs } from './features/jobs/queue.ts';
import { sealConsiderations } from './features/self-declaration/use-cases/seal-considerations.ts';
import { createMailer } from './mail/mailer.ts';

export async function start(options: { prepare: 'apply' | 'check' }): Promise<void> {
  const env = parseEnv();
  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    timeouts: env.db,
  });
  const sensitiveKeys = await resolveSensitiveKeys(env);
  let applied: string[] = [];
  if (options.prepare === 'apply' || database.mode === 'embedded') {
    ({ applied } = await prepareDatabase(database, { demo: env.demoMode, sensitiveKeys }));
  } else {
    const pending = await pendingMigrations(database.url);
    if (pending.length) {
      await database.close();
      throw new Error(
        `The database has ${pending.length} pending migration(s): ${pending.join(', ')}. Run \`pnpm db:migrate\` (and \`pnpm db:seed\` on a new database) once, then start.`,
      );
    }
    // without the key that opens the 配慮事項 held, the portal does not start (decision 033)
    await sealConsiderations(database.db, sensitiveKeys).catch(async (err: unknown) => {
      await database.close();
      throw err;
    });
  }
  const sessionSecret = await resolveSessionSecret(env);
  const app = await buildApp({
    env,
    sessionSecret,
    sensitiveKeys,
    db: database.db,
    databaseMode: database.mode,
  });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  // mail, digests and reminders: in this process unless JOBS=false (decision 040)
  const mailer = createMailer(env);
  const jobs = env.notifications.jobs
    ? await startJobs({
        db: database.db,
        url: database.url,
        env,
        secret: sessionSecret,
        mailer,
        log: app.log,
      })
    : null;

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    mailer.close();
    await app.close();
    await database.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: env.host, port: env.port });
  app.log.info(
    { database: database.mode, demo: env.demoMode, url: `http://localhost:${env.port}/` },
    `人材育成ポータル is running at http://localhost:${env.port}/ (${database.mode} database${env.demoMode ? ', demo data' : ''})`,
  );
  if (env.demoMode) {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('./db/seed/demo.seed.ts');
    app.log.info(
      { accounts: DEMO_ACCOUNTS.map((a) => a.loginId) },
      `Demo mode — demo accounts only, never in production: ${DEMO_ACCOUNTS.map((a) => a.loginId).join(', ')} (password: ${DEMO_PASSWORD})`,
    );
  }
}
