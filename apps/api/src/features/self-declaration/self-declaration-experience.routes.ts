/** The experience map: a person's 局・区, fields and grades over the years, and HR's search for narrow ones. Thin handlers. */
import { ExperienceMap, ExperienceSearchPage, ExperienceSearchQuery } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import {
  errors,
  IdParams,
  type SelfDeclarationRouteOptions,
  tags,
} from './self-declaration.route-schemas.ts';

export const selfDeclarationExperienceRoutes: FastifyPluginAsyncZod<SelfDeclarationRouteOptions> = async (
  app,
  { service },
) => {
  app.get(
    '/staff/:id/experience-map',
    {
      schema: {
        tags,
        summary:
          'The 局・区, fields (部) and grades the person has served in, with years (as the career path)',
        params: IdParams,
        response: { 200: ExperienceMap, ...errors },
      },
    },
    async (request) => service.experienceMap(actorOf(request), request.params.id),
  );
  app.get(
    '/experience-map',
    {
      schema: {
        tags,
        summary:
          'HR: people with narrow experience (fewer than `bureausBelow` 局・区 in `years` years), paged',
        querystring: ExperienceSearchQuery,
        response: { 200: ExperienceSearchPage, ...errors },
      },
    },
    async (request) => service.experienceSearch(actorOf(request), request.query),
  );
};
