/** 自己申告 rounds: the list, opening one, the population it would reach, one round, changing it (HR). Thin handlers. */
import {
  PopulationCount,
  ProblemDetails,
  SelfDeclarationPopulationQuery,
  SelfDeclarationRound,
  SelfDeclarationRoundInput,
  SelfDeclarationRoundPage,
  SelfDeclarationRoundQuery,
  SelfDeclarationRoundUpdate,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import {
  errors,
  IdParams,
  type SelfDeclarationRouteOptions,
  tags,
} from './self-declaration.route-schemas.ts';

export const selfDeclarationRoundRoutes: FastifyPluginAsyncZod<SelfDeclarationRouteOptions> = async (
  app,
  { service },
) => {
  app.get(
    '/self-declaration-rounds',
    {
      schema: {
        tags,
        summary: 'Rounds: HR every round; everyone else the rounds that have opened',
        querystring: SelfDeclarationRoundQuery,
        response: { 200: SelfDeclarationRoundPage },
      },
    },
    async (request) => service.listRounds(actorOf(request), request.query),
  );
  app.post(
    '/self-declaration-rounds',
    {
      schema: {
        tags,
        summary:
          'Open a round (HR): 年度, window, population, キャリア選択 fields, 庁内公募 posts; Idempotency-Key',
        body: SelfDeclarationRoundInput,
        response: { 201: SelfDeclarationRound, ...errors },
      },
    },
    async (request, reply) => {
      const round = await service.createRound(
        actorOf(request),
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(round);
    },
  );
  app.get(
    '/self-declaration-rounds/population-count',
    {
      schema: {
        tags,
        summary:
          'How many people a population of 局・区 and grades holds today, as a round would reach them (HR)',
        querystring: SelfDeclarationPopulationQuery,
        response: { 200: PopulationCount, ...errors },
      },
    },
    async (request) => service.countRoundPopulation(actorOf(request), request.query),
  );
  app.get(
    '/self-declaration-rounds/:id',
    {
      schema: {
        tags,
        summary: 'One round (HR any; everyone else once it has opened)',
        params: IdParams,
        response: { 200: SelfDeclarationRound, 404: ProblemDetails },
      },
    },
    async (request) => service.getRound(actorOf(request), request.params.id),
  );
  app.put(
    '/self-declaration-rounds/:id',
    {
      schema: {
        tags,
        summary: 'Change a round (HR); a stale version is 409 with the current round',
        params: IdParams,
        body: SelfDeclarationRoundUpdate,
        response: { 200: SelfDeclarationRound, ...errors },
      },
    },
    async (request) =>
      service.updateRound(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
};
