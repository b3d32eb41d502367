/**
 * Configuration, read and validated once. `process.env` is read nowhere else.
 */
import { z } from 'zod';
import type { DbTimeouts } from './db/client.ts';
import { paths } from './paths.ts';
import { type Keyring, keyring, newKeyText, sealingKey } from './shared/sealed-text.ts';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Default: 127.0.0.1 in demo mode (the demo accounts share one known password), 0.0.0.0 otherwise. */
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A PostgreSQL 15+ URL. Absent: the embedded database (PGlite) in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The longest wait for a database connection (connecting, or a free one of the pool); past it
   * the request is answered 503.
   */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** The longest a single SQL statement may run (or wait for a lock) before it is cancelled (503). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Where the embedded database and the generated session secret are kept. */
  DATA_DIR: z.string().min(1).default(paths.defaultDataDir),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs session cookies; at least 32 characters. Absent in embedded demo mode: generated into DATA_DIR. */
  SESSION_SECRET: z.string().min(32).optional(),
  /**
   * Encrypts the 配慮事項 at rest (AES-256-GCM): 32 random bytes as base64 (`openssl rand -base64 32`).
   * Absent in demo mode: generated into DATA_DIR. Otherwise the server refuses to start while such
   * data exist (decision 033).
   */
  SENSITIVE_DATA_KEY: z.string().min(1).max(200).optional(),
  /** Earlier keys (comma-separated), to open what they sealed; the server re-seals it with the current key. */
  SENSITIVE_DATA_OLD_KEYS: z.string().max(4000).optional(),
  /** Seed the demo organisation and accounts. Default: on with the embedded database, off otherwise. */
  DEMO_MODE: boolish.optional(),
  /**
   * The city's own reverse proxies, whose `X-Forwarded-For` is believed: their addresses or CIDRs
   * (comma-separated), or the number of proxy hops. `true` means one hop; `false` none.
   */
  TRUST_PROXY: z.string().max(2000).default('false'),
  /** The origin that links in mails and letters use. Default: http://localhost:PORT */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp(s)://user:pass@host:port — absent: mail is off and HR hands out invitation letters */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).max(254).default('人材育成ポータル <no-reply@localhost>'),
  /** The hour (0–23, Asia/Tokyo) the daily digest of notifications goes out */
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** How often (seconds) each instance hands new notifications to the mail queue */
  NOTIFY_DISPATCH_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** How often a mail is tried again on SMTP failure (with back-off) before it shows as failed */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
  /** Run the background jobs (mail, digests, reminders) in this process; `false` for an API-only instance */
  JOBS: boolish.default(true),
  /** Set by pnpm: the directory it was run in (files named on `pnpm portal` are relative to it) */
  INIT_CWD: z.string().optional(),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  COOKIE_SECURE: boolish.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Portal passwords; `false` for a city that signs in only through its directory (OpenID Connect). */
  AUTH_LOCAL: boolish.default(true),
  /** OpenID Connect: the issuer, and this portal's registration there. All three, or none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /**
   * The claim that names the person: `email` (the roster's email), `preferred_username` (the login
   * id), or any other claim name, matched against the employee number.
   */
  OIDC_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,100}$/)
    .default('email'),
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  db: DbTimeouts;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionSecret: string | undefined;
  /** SENSITIVE_DATA_KEY and SENSITIVE_DATA_OLD_KEYS (checked to be 256-bit keys) */
  sensitiveDataKey: string | undefined;
  sensitiveDataOldKeys: string[];
  demoMode: boolean;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses */
  trustProxy: false | number | string[];
  cookieSecure: boolean;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  notifications: NotificationSettingsEnv;
  invitationTtlSeconds: number;
  /** Where pnpm was run (INIT_CWD): files named on the command line are relative to it */
  invokedIn: string | undefined;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  authLocal: boolean;
  oidc: OidcSettings | null;
};

export type NotificationSettingsEnv = {
  digestHour: number;
  dispatchSeconds: number;
  mailRetryLimit: number;
  jobs: boolean;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  claim: string;
};

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = result.data;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some((v) => v !== undefined) && oidcParts.some((v) => v === undefined)) {
    throw new Error(
      'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none',
    );
  }
  if (!e.AUTH_LOCAL && !e.OIDC_ISSUER) {
    throw new Error(
      'Invalid configuration:\n  AUTH_LOCAL=false needs OpenID Connect (OIDC_ISSUER, …): nobody could sign in',
    );
  }
  const demoMode = e.DEMO_MODE ?? e.DATABASE_URL === undefined;
  const oldKeys = (e.SENSITIVE_DATA_OLD_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const [name, k] of [
    ...(e.SENSITIVE_DATA_KEY ? [['SENSITIVE_DATA_KEY', e.SENSITIVE_DATA_KEY] as const] : []),
    ...oldKeys.map((k) => ['SENSITIVE_DATA_OLD_KEYS', k] as const),
  ]) {
    try {
      sealingKey(k);
    } catch (err) {
      throw new Error(`Invalid configuration:\n  ${name}: ${(err as Error).message}`);
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST ?? (demoMode ? '127.0.0.1' : '0.0.0.0'),
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    db: { connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    sensitiveDataKey: e.SENSITIVE_DATA_KEY,
    sensitiveDataOldKeys: oldKeys,
    demoMode,
    trustProxy,
    cookieSecure: e.COOKIE_SECURE ?? trustProxy !== false,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    notifications: {
      digestHour: e.NOTIFY_DIGEST_HOUR,
      dispatchSeconds: e.NOTIFY_DISPATCH_SECONDS,
      mailRetryLimit: e.MAIL_RETRY_LIMIT,
      jobs: e.JOBS,
    },
    invitationTtlSeconds: e.INVITATION_TTL_HOURS * 3600,
    invokedIn: e.INIT_CWD,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_HOURS * 3600,
    authLocal: e.AUTH_LOCAL,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            claim: e.OIDC_CLAIM,
          }
        : null,
  };
}

/**
 * `true` trusts one hop (the proxy in front), never every address: a client's own
 * `X-Forwarded-For` is then ignored because only the entry the proxy appended is taken.
 */
function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim().toLowerCase();
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    if (!/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(entry)) {
      throw new Error(`Invalid configuration:\n  TRUST_PROXY: not an address, CIDR or hop count: ${entry}`);
    }
  }
  return list;
}

/**
 * The session secret: SESSION_SECRET, or in demo mode one generated once and kept in DATA_DIR.
 * A production deployment (demo mode off) must set it.
 */
export async function resolveSessionSecret(env: Env): Promise<string> {
  if (env.sessionSecret) return env.sessionSecret;
  if (!env.demoMode) throw new Error('SESSION_SECRET must be set (32+ characters) when DEMO_MODE is off');
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  const { randomBytes } = await import('node:crypto');
  const file = `${env.dataDir}/session-secret`;
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(env.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The keys of the 配慮事項: SENSITIVE_DATA_KEY (with SENSITIVE_DATA_OLD_KEYS), or in demo mode one
 * generated once and kept in DATA_DIR; otherwise `null` (the start refuses while such data exist).
 */
export async function resolveSensitiveKeys(env: Env): Promise<Keyring | null> {
  if (env.sensitiveDataKey) return keyring(env.sensitiveDataKey, env.sensitiveDataOldKeys);
  if (!env.demoMode) return null;
  const { mkdir, readFile, writeFile } = await import('node:fs/promises');
  const file = `${env.dataDir}/sensitive-data-key`;
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return keyring(existing, env.sensitiveDataOldKeys);
  await mkdir(env.dataDir, { recursive: true });
  const key = newKeyText();
  await writeFile(file, key, { mode: 0o600 });
  return keyring(key, env.sensitiveDataOldKeys);
}
