import {
  DemoAccounts,
  LoginRequest,
  LoginResponse,
  Me,
  MfaCodeRequest,
  ProblemDetails,
  RecoveryCodes,
  TotpEnrolment,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo.seed.ts';
import { actorOf, requestMeta, sessionCookieName } from '../../plugins/auth.ts';
import { AppError } from '../../shared/errors.ts';
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
        response: { 200: LoginResponse, 401: ProblemDetails, 429: ProblemDetails },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, mfaRequired, mfaEnrolmentRequired } = await app.services.auth.login(
        request.body,
        requestMeta(request),
      );
      reply.setCookie(cookieName, token, { ...cookieOptions, expires: expiresAt });
      return { expiresAt: expiresAt.toISOString(), mfaRequired, mfaEnrolmentRequired };
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { stages: ['mfa'] },
      schema: {
        tags: ['auth'],
        summary: 'The second factor of a pending sign-in: a TOTP code or a recovery code',
        body: MfaCodeRequest,
        response: { 200: z.object({ expiresAt: z.string() }), 401: ProblemDetails, 429: ProblemDetails },
      },
    },
    async (request, reply) => {
      if (request.sessionStage !== 'mfa') {
        throw new AppError(409, 'mfa_not_pending', 'This session is not waiting for a second factor.');
      }
      const { expiresAt } = await app.services.auth.verifyMfa(
        actorOf(request),
        request.body.code,
        requestMeta(request),
      );
      const token = request.cookies[cookieName] ?? '';
      reply.setCookie(cookieName, token, { ...cookieOptions, expires: expiresAt });
      return { expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/me/mfa/totp',
    {
      config: { stages: ['enrol'] },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a new secret, its otpauth URI and QR code',
        response: { 200: TotpEnrolment, 409: ProblemDetails },
      },
    },
    async (request) => app.services.auth.startTotp(actorOf(request)),
  );

  app.put(
    '/me/mfa/totp',
    {
      config: { stages: ['enrol'] },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a code; the recovery codes are shown this once',
        body: MfaCodeRequest,
        response: { 200: RecoveryCodes, 400: ProblemDetails, 409: ProblemDetails },
      },
    },
    async (request) =>
      app.services.auth.confirmTotp(actorOf(request), request.body.code, requestMeta(request)),
  );

  app.delete(
    '/me/mfa/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remove my TOTP (not when my role requires it)',
      },
    },
    async (request, reply) => {
      await app.services.auth.removeTotp(actorOf(request), requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { stages: ['mfa', 'enrol'] },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session server-side' },
    },
    async (request, reply) => {
      await app.services.auth.logout(actorOf(request), requestMeta(request));
      reply.clearCookie(cookieName, cookieOptions);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { stages: ['enrol'] },
      schema: { tags: ['auth'], summary: 'Who I am and what I may do', response: { 200: Me } },
    },
    async (request) =>
      me({ staff: app.services.staff, idleTimeoutSeconds: app.env.sessionIdleSeconds }, actorOf(request), {
        expiresAt: request.sessionExpiresAt,
        account: (mfaEnabled) =>
          app.services.auth.account(actorOf(request), request.sessionStage, mfaEnabled),
      }),
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
