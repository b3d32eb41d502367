/** The person's 自己申告: reading it, saving and submitting it, and the 所属長's 面談. Thin handlers. */
import {
  ProblemDetails,
  SelfDeclaration,
  SelfDeclarationInterview,
  SelfDeclarationSave,
  SelfDeclarationSubmit,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import {
  DeclarationParams,
  errors,
  type SelfDeclarationRouteOptions,
  tags,
} from './self-declaration.route-schemas.ts';

export const selfDeclarationDeclarationRoutes: FastifyPluginAsyncZod<SelfDeclarationRouteOptions> = async (
  app,
  { service },
) => {
  app.get(
    '/staff/:id/self-declarations/:roundId',
    {
      schema: {
        tags,
        summary:
          'The person’s declaration of a round (the person, their 所属長, HR); the 配慮事項 only to those three, otherwise omitted',
        params: DeclarationParams,
        response: { 200: SelfDeclaration, 404: ProblemDetails },
      },
    },
    async (request) => service.getDeclaration(actorOf(request), request.params.id, request.params.roundId),
  );
  app.put(
    '/staff/:id/self-declarations/:roundId',
    {
      schema: {
        tags,
        summary:
          'Save the declaration (the person, within the window); `version` 0 creates it; stale → 409 with the current one',
        params: DeclarationParams,
        body: SelfDeclarationSave,
        response: { 200: SelfDeclaration, ...errors },
      },
    },
    async (request) =>
      service.saveDeclaration(
        actorOf(request),
        request.params.id,
        request.params.roundId,
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/staff/:id/self-declarations/:roundId/submit',
    {
      schema: {
        tags,
        summary: 'Submit the declaration (the person); 409 outside the window',
        params: DeclarationParams,
        body: SelfDeclarationSubmit,
        response: { 200: SelfDeclaration, ...errors },
      },
    },
    async (request) =>
      service.submitDeclaration(
        actorOf(request),
        request.params.id,
        request.params.roundId,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    '/staff/:id/self-declarations/:roundId/interview',
    {
      schema: {
        tags,
        summary:
          'The 所属長 records the 面談 and their opinion (a 1on1 of kind self_declaration: the one named, or one recorded here)',
        params: DeclarationParams,
        body: SelfDeclarationInterview,
        response: { 200: SelfDeclaration, ...errors },
      },
    },
    async (request) =>
      service.recordInterview(
        actorOf(request),
        request.params.id,
        request.params.roundId,
        request.body,
        requestMeta(request),
      ),
  );
};
