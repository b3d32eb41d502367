/**
 * Sign-in, the second factor and server-side sessions. The cookie carries a random token; the database
 * keeps only its HMAC (keyed by the session secret), so neither a leaked table nor a guessed id opens a
 * session. A session has a stage: `mfa` (the password was right, the second factor is awaited), `enrol`
 * (TOTP must be enrolled first) or `full`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { AccountState, LoginRequest } from '@portal/contracts';
import { actorOf, authorize, findSessionActor, loadActor } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Env } from '../../env.ts';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../../shared/errors.ts';
import { type Audited, write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { notify } from '../notifications/notify.ts';
import { hrAdmins } from '../notifications/recipients.repository.ts';
import { createAuthRepository, type SessionStage } from './auth.repository.ts';
import { verifyPassword } from './password.ts';
import { normalisePassword } from './password-policy.ts';
import { createThrottleRepository } from './throttle.repository.ts';
import { beginAttempt, type ThrottleVerdict } from './throttle.ts';
import {
  checkTotp,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  qrSvg,
  totpStep,
  totpUri,
} from './totp.ts';

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;
/** How long a session waits for its second factor */
const MFA_PENDING_SECONDS = 5 * 60;

/** TOTP is required for HR administrators and executives signing in with a portal password. */
export function mfaRequiredFor(roles: readonly string[], demoMode: boolean): boolean {
  return !demoMode && (roles.includes('hr_admin') || roles.includes('executive'));
}

export function createAuthService(deps: { db: Db; env: Env; secret: string; mailEnabled: boolean }) {
  const { db, env } = deps;
  const repo = createAuthRepository(db);
  const throttle = createThrottleRepository(db);
  const sessionId = (token: string) => createHmac('sha256', deps.secret).update(token).digest('hex');

  async function refuse(
    verdict: Extract<ThrottleVerdict, { allowed: false }>,
    subject: string,
    meta: RequestMeta,
  ): Promise<never> {
    await recordAudit(db, {
      actorId: null,
      action: 'auth.throttled',
      after: { loginId: subject, rule: verdict.rule },
      meta,
    });
    if (verdict.alert) {
      // Not a silent lock: the alert is audited and every HR administrator is told, in one transaction
      await write(db, {
        actorId: null,
        meta,
        run: async (tx) => {
          await notify(tx, [
            {
              to: await hrAdmins(tx),
              kind: 'auth.login_alert',
              link: '/audit?action=auth.login_alert',
              params: { title: subject },
              dedupeKey: `login-alert:${subject}:${new Date().toISOString().slice(0, 13)}`,
            },
          ]);
          return {
            body: null,
            audit: {
              action: 'auth.login_alert',
              after: { loginId: subject, reason: 'failures_from_many_addresses' },
            },
          };
        },
      });
    }
    throw new TooManyRequestsError(verdict.retryAfter);
  }

  /** Opens a session at `stage`, stamps a complete sign-in, and audits it: one write. */
  async function openSession(
    staffId: string,
    stage: SessionStage,
    meta: RequestMeta & { userAgent?: string },
    audit: Pick<Audited, 'action' | 'after'>,
  ) {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(
      now + (stage === 'mfa' ? MFA_PENDING_SECONDS : env.sessionAbsoluteSeconds) * 1000,
    );
    await write(db, {
      actorId: staffId,
      meta,
      run: async (tx) => {
        const r = createAuthRepository(tx);
        await r.createSession({
          id: sessionId(token),
          staffId,
          expiresAt,
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          stage,
        });
        if (stage !== 'mfa') await r.markSignedIn(staffId, new Date());
        return { body: null, audit: { ...audit, entityType: 'session' } };
      },
    });
    return { token, expiresAt };
  }

  return {
    sessionId,

    /**
     * A full session for a person the city's directory has signed in (OpenID Connect): the directory
     * did the authentication, its own second factor included.
     */
    async startSession(staffId: string, meta: RequestMeta & { userAgent?: string }, method: 'oidc') {
      return openSession(staffId, 'full', meta, { action: 'auth.login', after: { method } });
    },

    async login(input: LoginRequest, meta: RequestMeta & { userAgent?: string }) {
      if (!env.authLocal) {
        throw new ForbiddenError(
          'Portal passwords are off: sign in through the city’s directory.',
          'local_sign_in_off',
        );
      }
      const verdict = await beginAttempt(throttle, 'password', input.loginId, meta.ip ?? 'unknown');
      if (!verdict.allowed) return refuse(verdict, input.loginId, meta);

      const staff = await repo.accountByLogin(input.loginId);
      const ok = await verifyPassword(staff?.passwordHash, normalisePassword(input.password));
      if (!staff || !ok || staff.disabledAt) {
        await recordAudit(db, {
          actorId: staff?.id ?? null,
          action: 'auth.login_failed',
          after: {
            loginId: input.loginId,
            reason: !staff ? 'unknown' : staff.disabledAt ? 'disabled' : 'password',
          },
          meta,
        });
        throw new UnauthorizedError('The login ID or password is wrong.', 'invalid_credentials');
      }
      await verdict.succeeded();

      const roles = (await loadActor(db, staff.id, ''))?.roles ?? [];
      const stage: SessionStage = staff.mfaEnabledAt
        ? 'mfa'
        : mfaRequiredFor(roles, env.demoMode)
          ? 'enrol'
          : 'full';
      const { token, expiresAt } = await openSession(staff.id, stage, meta, {
        action: stage === 'mfa' ? 'auth.password_ok' : 'auth.login',
        after: stage === 'full' ? undefined : { stage },
      });
      return { token, expiresAt, mfaRequired: stage === 'mfa', mfaEnrolmentRequired: stage === 'enrol' };
    },

    /** The second factor of a pending session: a TOTP code or an unused recovery code. */
    async verifyMfa(actor: Actor, code: string, meta: RequestMeta) {
      const staff = await repo.accountById(actor.staffId);
      if (!staff?.totpSecret) throw new UnauthorizedError('The code is wrong.', 'invalid_code');
      const verdict = await beginAttempt(throttle, 'mfa', staff.loginId, meta.ip ?? 'unknown');
      if (!verdict.allowed) return refuse(verdict, staff.loginId, meta);
      const step = totpStep(staff.totpSecret, code);
      const byTotp = step !== null && (await repo.takeTotpStep(staff.id, step));
      const byRecovery =
        !byTotp &&
        looksLikeRecoveryCode(code) &&
        (await repo.useRecoveryCode(staff.id, hashRecoveryCode(code), new Date()));
      if (!byTotp && !byRecovery) {
        await recordAudit(db, { actorId: staff.id, action: 'auth.mfa_failed', meta });
        throw new UnauthorizedError('The code is wrong.', 'invalid_code');
      }
      await verdict.succeeded();
      const expiresAt = new Date(Date.now() + env.sessionAbsoluteSeconds * 1000);
      await write(db, {
        actorId: staff.id,
        meta,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          await r.setSessionStage(actor.sessionId, 'full', expiresAt);
          await r.markSignedIn(staff.id, new Date());
          return {
            body: null,
            audit: {
              action: 'auth.login',
              entityType: 'session',
              after: { mfa: byTotp ? 'totp' : 'recovery_code' },
            },
          };
        },
      });
      return { expiresAt };
    },

    /** The actor behind a session token, or null when it is unknown, expired, idle too long or disabled. */
    async authenticate(
      token: string,
    ): Promise<{ actor: Actor; expiresAt: Date; stage: SessionStage } | null> {
      const id = sessionId(token);
      // one statement: the session with everything its actor needs
      const session = await findSessionActor(db, id);
      if (!session) return null;
      const now = Date.now();
      const idle = now - session.lastSeenAt.getTime() > env.sessionIdleSeconds * 1000;
      if (idle || session.expiresAt.getTime() <= now) {
        await repo.deleteSession(id);
        return null;
      }
      if (session.disabled) {
        // disabled since: every session of the account ends
        await repo.deleteSessionsOf(session.staffId);
        return null;
      }
      const actor = actorOf(session);
      if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(id, new Date(now));
      return { actor, expiresAt: session.expiresAt, stage: session.stage as SessionStage };
    },

    async logout(actor: Actor, meta: RequestMeta) {
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          await createAuthRepository(tx).deleteSession(actor.sessionId);
          return { body: null, audit: { action: 'auth.logout', entityType: 'session' } };
        },
      });
    },

    /** The account's state for `GET /api/me`; whether TOTP is enrolled comes with the person's record. */
    account(actor: Actor, stage: SessionStage, mfaEnabled: boolean): AccountState {
      return {
        mfaEnabled,
        mfaRequired: mfaRequiredFor(actor.roles, env.demoMode),
        stage: stage === 'enrol' ? 'enrol' : 'full',
        mail: deps.mailEnabled,
      };
    },

    /** Starts (or restarts) TOTP enrolment: a new secret, shown as a URI and a QR code. */
    async startTotp(actor: Actor) {
      const staff = await repo.accountById(actor.staffId);
      if (!staff) throw new NotFoundError();
      if (staff.mfaEnabledAt) throw new AppError(409, 'mfa_already_enabled', 'TOTP is already enrolled.');
      const secret = newTotpSecret();
      await repo.setPendingTotp(staff.id, secret);
      const uri = totpUri(secret, staff.loginId);
      return { secret, uri, qrSvg: await qrSvg(uri) };
    },

    /** Confirms enrolment with a code from the app; returns the recovery codes, shown this once. */
    async confirmTotp(actor: Actor, code: string, meta: RequestMeta) {
      const staff = await repo.accountById(actor.staffId);
      if (!staff?.totpPendingSecret) throw new AppError(409, 'mfa_not_started', 'Start the enrolment first.');
      const verdict = await beginAttempt(throttle, 'mfa', staff.loginId, meta.ip ?? 'unknown');
      if (!verdict.allowed) return refuse(verdict, staff.loginId, meta);
      if (!checkTotp(staff.totpPendingSecret, code)) {
        throw new AppError(400, 'validation', 'The code is wrong.', {
          errors: [{ field: 'body.code', message: 'The code is wrong.', code: 'invalid_code' }],
        });
      }
      await verdict.succeeded();
      const codes = newRecoveryCodes();
      const secret = staff.totpPendingSecret;
      await write(db, {
        actorId: staff.id,
        meta,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          await r.enableTotp(staff.id, secret, codes.map(hashRecoveryCode), new Date());
          await r.setSessionStage(actor.sessionId, 'full');
          return {
            body: null,
            audit: { action: 'auth.mfa_enrolled', entityType: 'staff', entityId: staff.id },
          };
        },
      });
      await repo.markSignedIn(staff.id, new Date());
      return { recoveryCodes: codes };
    },

    /** Removes one's own TOTP, unless it is required for one's role. */
    async removeTotp(actor: Actor, meta: RequestMeta) {
      authorize(
        actor,
        'mfa:remove:self',
        { person: actor.staffId, mfaRequired: mfaRequiredFor(actor.roles, env.demoMode) },
        { code: 'mfa_required', message: 'TOTP is required for your role.' },
      );
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          await createAuthRepository(tx).disableTotp(actor.staffId);
          return {
            body: null,
            audit: { action: 'auth.mfa_removed', entityType: 'staff', entityId: actor.staffId },
          };
        },
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
