import { AuthProviders } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta, sessionCookieName } from '../../plugins/auth.ts';

const TRANSIENT_COOKIE = 'portal_oidc';
const TRANSIENT_PATH = '/api/auth/oidc';
/**
 * Marks a browser signed in through the provider, so that sign-out ends the provider's session too.
 * It holds the sign-in's ID token (sent only to `/api/auth/oidc`, for `id_token_hint`), or `1` when
 * the token is too long for a cookie.
 */
const SSO_MARK_COOKIE = 'portal_sso';
const MAX_HINT_LENGTH = 3500;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** What a provider may put in the callback; anything else is ignored. */
const CallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  session_state: z.string().max(2000).optional(),
});

export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const oidc = app.services.oidc;
  const secure = app.env.cookieSecure;
  const transientOptions = { path: TRANSIENT_PATH, httpOnly: true, sameSite: 'lax' as const, secure };

  app.get(
    '/auth/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Which sign-in methods are on (portal passwords, single sign-on, mail)',
        response: { 200: AuthProviders },
      },
    },
    async () => ({ local: app.env.authLocal, oidc: oidc.enabled, mail: app.env.smtpUrl !== null }),
  );

  app.get(
    '/auth/oidc/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Single sign-on: redirects to the city’s OpenID provider (404 when not configured)',
      },
    },
    async (_request, reply) => {
      const { url, cookie } = await oidc.begin();
      reply.setCookie(TRANSIENT_COOKIE, cookie, { ...transientOptions, maxAge: oidc.flowSeconds });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Single sign-on: the provider’s redirect; sets the session, or shows why not',
        querystring: CallbackQuery,
      },
    },
    async (request, reply) => {
      const result = await oidc.complete(
        request.query,
        request.cookies[TRANSIENT_COOKIE],
        requestMeta(request),
      );
      reply.clearCookie(TRANSIENT_COOKIE, transientOptions);
      reply.header('cache-control', 'no-store');
      if (!result.ok) return reply.redirect(`/sign-in/sso-error?reason=${result.reason}`, 302);
      reply.setCookie(sessionCookieName(secure), result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: result.expiresAt,
      });
      const hint = result.idToken && result.idToken.length <= MAX_HINT_LENGTH ? result.idToken : '1';
      reply.setCookie(SSO_MARK_COOKIE, hint, { ...transientOptions, expires: result.expiresAt });
      return reply.redirect('/', 302);
    },
  );

  app.get(
    '/auth/oidc/logout',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'After signing out: to the provider’s logout (RP-initiated) when signed in through it and it has one, else to the sign-in page',
      },
    },
    async (request, reply) => {
      const mark = request.cookies[SSO_MARK_COOKIE];
      const viaProvider = mark === '1' || (mark !== undefined && JWT.test(mark));
      reply.clearCookie(SSO_MARK_COOKIE, transientOptions);
      return reply.redirect(
        viaProvider ? await oidc.signOutUrl(mark === '1' ? undefined : mark) : '/sign-in',
        302,
      );
    },
  );
};
