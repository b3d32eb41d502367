/**
 * Authentication only: every /api route needs a session unless its config says `public`. Writes
 * from a foreign Origin are refused (SameSite cookies plus this check; scripts that send no Origin
 * still work with their session). What the actor may do is decided in the access module.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestMeta } from '../access/actor.ts';
import { recordAudit } from '../features/audit/audit.writer.ts';
import { AppError, ForbiddenError, UnauthorizedError } from '../shared/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionStage: 'full' | 'mfa' | 'enrol';
    /** When the session ends at the latest (read with the actor). */
    sessionExpiresAt: Date;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-portal_session' : 'portal_session';
}

export function requestMeta(request: FastifyRequest): RequestMeta & { userAgent?: string } {
  return { ip: request.ip ?? null, requestId: request.id, userAgent: request.headers['user-agent'] };
}

/** The actor of an authenticated route (the hook has already answered 401 otherwise). */
export function actorOf(request: FastifyRequest): Actor {
  return request.actor;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  const cookieName = sessionCookieName(app.env.cookieSecure);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionStage', 'full');
  app.decorateRequest('sessionExpiresAt', null as unknown as Date);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api')) return;
    if (!SAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== 'null') {
        const own = `${request.protocol}://${request.host}`;
        if (origin !== own) throw new ForbiddenError('Cross-site writes are refused.', 'foreign_origin');
      } else if (origin === 'null') {
        throw new ForbiddenError('Cross-site writes are refused.', 'foreign_origin');
      }
    }
    if (request.routeOptions.config?.public) return;
    const token = request.cookies[cookieName];
    const found = token ? await app.services.auth.authenticate(token) : null;
    if (!found) throw new UnauthorizedError();
    if (found.stage !== 'full' && !request.routeOptions.config?.stages?.includes(found.stage)) {
      // A session waiting for its second factor, or for TOTP enrolment, opens nothing else.
      if (found.stage === 'mfa') throw new UnauthorizedError('The second factor is awaited.', 'mfa_required');
      throw new ForbiddenError('Enrol an authenticator app first.', 'mfa_enrolment_required');
    }
    request.actor = found.actor;
    request.sessionStage = found.stage;
    request.sessionExpiresAt = found.expiresAt;
  });

  // Denials are audited: who tried what.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof AppError && error.status === 403 && request.actor) {
      await recordAudit(app.db, {
        actorId: request.actor.staffId,
        action: 'access.denied',
        after: { method: request.method, url: request.url.split('?')[0], code: error.code },
        meta: requestMeta(request),
      }).catch((err: unknown) => request.log.error({ err }, 'could not audit a denial'));
    }
  });
});
