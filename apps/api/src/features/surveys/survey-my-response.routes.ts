/** Surveys: one's own answers — the draft, saving it, submitting it. Thin handlers. */
import { MyResponse, MyResponsePut, MyResponseSubmit } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errors, onOne, type SurveyRouteOptions } from './survey.route-schemas.ts';

export const surveyMyResponseRoutes: FastifyPluginAsyncZod<SurveyRouteOptions> = async (app, { surveys }) => {
  app.get(
    '/surveys/:id/my-response',
    onOne('My draft (nothing once submitted)', {
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.myResponse(actorOf(request), request.params.id),
  );
  app.put(
    '/surveys/:id/my-response',
    onOne('Save my draft while the window is open (version 0 for the first save)', {
      body: MyResponsePut,
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.saveMyResponse(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/surveys/:id/my-response/submit',
    onOne('Submit my draft, once: stored without who gave it', {
      body: MyResponseSubmit,
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.submit(actorOf(request), request.params.id, request.body),
  );
};
