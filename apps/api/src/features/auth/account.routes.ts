import {
  BulkInvitationQuery,
  BulkInvitationRequest,
  BulkInvitationResult,
  ChangePasswordRequest,
  InvitationCreated,
  MAX_INVITATION_LETTERS,
  PasswordResetRequest,
  ProblemDetails,
  SetPasswordRequest,
} from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { invitationLettersPdf } from './invitation-letter-pdf.ts';
import { invitationsCsv } from './invitation-letters.ts';

const IdParams = z.object({ id: z.uuid() });

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/password',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Set a password from an invitation or a reset link',
        body: SetPasswordRequest,
      },
    },
    async (request, reply) => {
      await app.services.account.setPassword(request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Forgot password: mails a reset link when mail is on (the same answer either way)',
        body: PasswordResetRequest,
      },
    },
    async (request, reply) => {
      await app.services.account.requestReset(request.body.loginId, requestMeta(request));
      return reply.status(202).send();
    },
  );

  app.put(
    '/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password; my other sessions end',
        body: ChangePasswordRequest,
      },
    },
    async (request, reply) => {
      await app.services.account.changePassword(actorOf(request), request.body, requestMeta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/staff/:id/invitation',
    {
      schema: {
        tags: ['staff'],
        summary: 'Invite a person, or renew the invitation (HR); mailed when mail is on',
        params: IdParams,
        response: { 201: InvitationCreated, 409: ProblemDetails },
      },
    },
    async (request, reply) => {
      const { url, expiresAt, mailed } = await app.services.account.invite(
        actorOf(request),
        request.params.id,
        requestMeta(request),
      );
      return reply.status(201).send({ url, expiresAt, mailed });
    },
  );

  app.post(
    '/invitations',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Invite a selection, a unit or everyone without an account (HR); `?format=csv` or `?format=pdf` for letters (not mailed)',
        querystring: BulkInvitationQuery,
        body: BulkInvitationRequest,
        response: { 201: BulkInvitationResult },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const items = await app.services.account.inviteMany(
        actorOf(request),
        request.body,
        requestMeta(request),
        format === 'pdf'
          ? { sendMail: false, atMost: MAX_INVITATION_LETTERS }
          : { sendMail: format === 'json' },
      );
      if (format === 'pdf') {
        return (reply as FastifyReply)
          .status(201)
          .header('content-type', 'application/pdf')
          .header('x-invitation-count', String(items.length))
          .header('content-disposition', 'attachment; filename="invitations.pdf"')
          .send(Buffer.from(await invitationLettersPdf(items)));
      }
      if (format === 'csv') {
        return (reply as FastifyReply)
          .status(201)
          .header('content-type', 'text/csv; charset=utf-8')
          .header('x-invitation-count', String(items.length))
          .header('content-disposition', 'attachment; filename="invitations.csv"')
          .send(invitationsCsv(items));
      }
      return reply.status(201).send({ items });
    },
  );

  app.delete(
    '/staff/:id/mfa',
    {
      schema: {
        tags: ['staff'],
        summary: "Reset a person's MFA (HR, audited)",
        params: IdParams,
      },
    },
    async (request, reply) => {
      await app.services.account.resetMfa(actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send();
    },
  );
};
