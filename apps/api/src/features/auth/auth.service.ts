/**
 * Sign-in and server-side sessions. The cookie carries a random token; the database keeps only its
 * HMAC (keyed by the session secret), so neither a leaked table nor a guessed id opens a session.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { actorOf, findSessionActor } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Env } from '../../env.ts';
import { TooManyRequestsError, UnauthorizedError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { verifyPassword } from './password.ts';
import { clear, hit, type RateLimit } from './rate-limit.ts';

/** Wrong passwords per login id, and attempts per address, before 429. */
export const LOGIN_LIMITS = {
  perLogin: { limit: 5, windowSeconds: 15 * 60 } satisfies RateLimit,
  perAddress: { limit: 30, windowSeconds: 5 * 60 } satisfies RateLimit,
};

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function createAuthService(deps: { db: Db; env: Env; secret: string }) {
  const { db, env } = deps;
  const sessionId = (token: string) => createHmac('sha256', deps.secret).update(token).digest('hex');

  return {
    async login(input: { loginId: string; password: string }, meta: RequestMeta & { userAgent?: string }) {
      const loginKey = `login:${input.loginId.toLowerCase()}`;
      const address = await hit(db, `addr:${meta.ip ?? 'unknown'}`, LOGIN_LIMITS.perAddress);
      // A login id that is being guessed at stays locked for its window, even for the right password.
      const locked = await db.rateLimitBucket.findUnique({ where: { key: loginKey } });
      const lockedFor =
        locked && locked.count >= LOGIN_LIMITS.perLogin.limit && locked.resetAt > new Date()
          ? Math.ceil((locked.resetAt.getTime() - Date.now()) / 1000)
          : 0;
      if (!address.allowed || lockedFor > 0) {
        await recordAudit(db, {
          actorId: null,
          action: 'auth.throttled',
          after: { loginId: input.loginId },
          meta,
        });
        throw new TooManyRequestsError(address.allowed ? lockedFor : address.retryAfter);
      }

      const staff = await db.staff.findUnique({
        where: { loginId: input.loginId },
        select: { id: true, passwordHash: true, disabledAt: true },
      });
      const ok = await verifyPassword(staff?.passwordHash, input.password);
      if (!staff || !ok || staff.disabledAt) {
        await hit(db, loginKey, LOGIN_LIMITS.perLogin);
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
      await clear(db, loginKey);

      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      const session = await db.session.create({
        data: {
          id: sessionId(token),
          staffId: staff.id,
          expiresAt: new Date(now + env.sessionAbsoluteSeconds * 1000),
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        },
      });
      await recordAudit(db, { actorId: staff.id, action: 'auth.login', entityType: 'session', meta });
      return { token, expiresAt: session.expiresAt };
    },

    /** The actor behind a session token, or null when it is unknown, expired, idle too long or disabled. */
    async authenticate(token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
      const id = sessionId(token);
      // one statement: the session with everything its actor needs
      const session = await findSessionActor(db, id);
      if (!session) return null;
      const now = Date.now();
      const idle = now - session.lastSeenAt.getTime() > env.sessionIdleSeconds * 1000;
      if (idle || session.expiresAt.getTime() <= now) {
        await db.session.deleteMany({ where: { id } });
        return null;
      }
      if (session.disabled) {
        // disabled since: every session of the account ends
        await db.session.deleteMany({ where: { staffId: session.staffId } });
        return null;
      }
      const actor = actorOf(session);
      if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
      }
      return { actor, expiresAt: session.expiresAt };
    },

    async logout(actor: Actor, meta: RequestMeta) {
      await db.session.deleteMany({ where: { id: actor.sessionId } });
      await recordAudit(db, { actorId: actor.staffId, action: 'auth.logout', entityType: 'session', meta });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
