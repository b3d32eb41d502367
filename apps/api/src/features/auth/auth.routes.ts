import { DemoAccounts, LoginRequest, Me, ProblemDetails } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo.seed.ts';
import { actorOf, requestMeta, sessionCookieName } from '../../plugins/auth.ts';
import { me } from './me.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieName = sessionCookieName(app.env.cookieSecure);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.env.cookieSecure,
  };

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the session cookie',
        body: LoginRequest,
        response: { 200: z.object({ expiresAt: z.string() }), 401: ProblemDetails, 429: ProblemDetails },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await app.services.auth.login(request.body, requestMeta(request));
      reply.setCookie(cookieName, token, { ...cookieOptions, expires: expiresAt });
      return { expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends the session server-side' } },
    async (request, reply) => {
      await app.services.auth.logout(actorOf(request), requestMeta(request));
      reply.clearCookie(cookieName, cookieOptions);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'Who I am and what I may do', response: { 200: Me } } },
    async (request) =>
      me(
        { db: app.db, staff: app.services.staff, idleTimeoutSeconds: app.env.sessionIdleSeconds },
        actorOf(request),
      ),
  );

  app.get(
    '/auth/demo-accounts',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'The demo accounts (demo mode only)',
        response: { 200: DemoAccounts },
      },
    },
    async () =>
      app.env.demoMode
        ? { enabled: true, password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ ...a })) }
        : { enabled: false, password: null, accounts: [] },
  );
};
