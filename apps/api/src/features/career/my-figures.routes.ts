/** Career: my own figures this 年度 (the personal dashboard). Thin handler. */
import { MyDashboard } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import type { CareerRouteOptions } from './career.route-schemas.ts';

export const myFiguresRoutes: FastifyPluginAsyncZod<CareerRouteOptions> = async (app, { history }) => {
  app.get(
    '/dashboards/me',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'My own figures this 年度: OJT received, career plan, self-development, training',
        response: { 200: MyDashboard },
      },
    },
    async (request) => history.myDashboard(actorOf(request)),
  );
};
