/** Career: the person’s timeline and where they stand on the grade ladder. Thin handlers. */
import { CareerPath, TimelinePage, TimelineQuery } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { type CareerRouteOptions, StaffParams, tags } from './career.route-schemas.ts';

export const careerHistoryRoutes: FastifyPluginAsyncZod<CareerRouteOptions> = async (app, { history }) => {
  app.get(
    '/staff/:id/timeline',
    {
      schema: {
        tags,
        summary:
          'The person’s history, newest first: assignments, training, OJT, self-development, qualifications',
        params: StaffParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    async (request) => history.timeline(actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/staff/:id/career-path',
    {
      schema: {
        tags,
        summary: 'Where the person stands on the grade ladder, with the grade-based courses of each step',
        params: StaffParams,
        response: { 200: CareerPath },
      },
    },
    async (request) => history.careerPath(actorOf(request), request.params.id),
  );
};
