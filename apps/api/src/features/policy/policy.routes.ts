import { PolicyTree, ProblemDetails } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/policy',
    {
      schema: {
        tags: ['policy'],
        summary:
          'The policy in force: 職員像, 重点取組方針, 施策分野 and initiatives, 推進体制, roles, periods',
        response: { 200: PolicyTree, 404: ProblemDetails },
      },
    },
    async () => app.services.policy.getPolicyTree(),
  );
};
