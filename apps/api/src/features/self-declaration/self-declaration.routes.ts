import {
  ExperienceMap,
  ExperienceSearchPage,
  ExperienceSearchQuery,
  PopulationCount,
  ProblemDetails,
  SelfDeclaration,
  SelfDeclarationExportQuery,
  SelfDeclarationInterview,
  SelfDeclarationListPage,
  SelfDeclarationListQuery,
  SelfDeclarationPopulationQuery,
  SelfDeclarationProgress,
  SelfDeclarationRound,
  SelfDeclarationRoundInput,
  SelfDeclarationRoundPage,
  SelfDeclarationRoundQuery,
  SelfDeclarationRoundUpdate,
  SelfDeclarationSave,
  SelfDeclarationSubmit,
} from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { exportTable, toCsv, toXlsx } from './self-declaration.export.ts';
import { createSelfDeclarationRepository } from './self-declaration.repository.ts';
import { createSelfDeclarationUseCases, type SelfDeclarationUseCases } from './self-declaration.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const DeclarationParams = z.object({ id: z.uuid(), roundId: z.uuid() });
const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails };
const tags = ['self-declaration'];

async function sendExport(
  reply: FastifyReply,
  exported: Awaited<ReturnType<SelfDeclarationUseCases['exportRows']>>,
  lang: 'ja' | 'en',
  format: 'csv' | 'xlsx',
  sensitive: boolean,
) {
  const table = exportTable(exported, lang);
  const name = `self-declaration-${exported.round.fiscalYear}${sensitive ? '-sensitive' : ''}`;
  reply.header('cache-control', 'no-store');
  if (format === 'csv') {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(toCsv(table));
  }
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(await toXlsx(table, exported.round.title[lang]));
}

/** 自己申告: rounds, declarations (with the 配慮事項 apart), progress, export; the experience map. */
export const selfDeclarationRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createSelfDeclarationRepository(app.sensitiveKeys);
  const service = createSelfDeclarationUseCases({ db: app.db, repo });

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
  app.get(
    '/self-declaration-rounds/:id/declarations',
    {
      schema: {
        tags,
        summary:
          'The round’s people and where each stands (HR everyone; a 所属長 their own staff; others themselves); never the 配慮事項',
        params: IdParams,
        querystring: SelfDeclarationListQuery,
        response: { 200: SelfDeclarationListPage, ...errors },
      },
    },
    async (request) => service.listDeclarations(actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/self-declaration-rounds/:id/progress',
    {
      schema: {
        tags,
        summary: 'The round’s progress per 局・区: population, submitted, 面談 done (HR)',
        params: IdParams,
        response: { 200: SelfDeclarationProgress, ...errors },
      },
    },
    async (request) => service.progress(actorOf(request), request.params.id),
  );
  app.get(
    '/self-declaration-rounds/:id/export',
    {
      schema: {
        tags,
        summary:
          'The round’s declarations with the experience map, as CSV or Excel (HR); the 配慮事項 only with sensitive=true, audited',
        params: IdParams,
        querystring: SelfDeclarationExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { format, lang, sensitive } = request.query;
      const exported = await service.exportRows(
        actorOf(request),
        request.params.id,
        sensitive,
        format,
        requestMeta(request),
      );
      return sendExport(reply, exported, lang, format, sensitive);
    },
  );

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
