/** A 自己申告 round's people, its progress per 局・区 and its export (CSV or Excel). Thin handlers. */
import {
  SelfDeclarationExportQuery,
  SelfDeclarationListPage,
  SelfDeclarationListQuery,
  SelfDeclarationProgress,
} from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { exportTable, toCsv, toXlsx } from './self-declaration.export.ts';
import {
  errors,
  IdParams,
  type SelfDeclarationRouteOptions,
  tags,
} from './self-declaration.route-schemas.ts';
import type { SelfDeclarationUseCases } from './self-declaration.use-cases.ts';

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

export const selfDeclarationRoundReportRoutes: FastifyPluginAsyncZod<SelfDeclarationRouteOptions> = async (
  app,
  { service },
) => {
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
};
