/** The rollout dashboards over HTTP, and their tables as CSV / Excel. */
import {
  DashboardExportQuery,
  DashboardQuery,
  fiscalYearLabelEn,
  fiscalYearLabelJa,
  OrgUnitDashboard,
  ProblemDetails,
  RolloutDashboard,
} from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { BadRequestError } from '../../shared/errors.ts';
import { type ExportTable, orgUnitTables, rolloutTables, toCsv, toXlsx } from './dashboard.export.ts';
import { createDashboardService } from './dashboard.service.ts';

const IdParams = z.object({ id: z.uuid() });
const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails };

async function sendExport(
  reply: FastifyReply,
  query: DashboardExportQuery,
  tables: ExportTable[],
  fiscalYear: number,
  baseName: string,
  heading: string,
) {
  const chosen = query.table ? tables.filter((t) => t.key === query.table) : tables;
  const first = chosen[0];
  if (!first) {
    throw new BadRequestError('This dashboard has no such table.', [
      { field: 'query.table', message: 'unknown table' },
    ]);
  }
  const name = `${baseName}-${fiscalYear}${query.table ? `-${query.table}` : ''}`;
  if (query.format === 'csv') {
    if (!query.table) {
      throw new BadRequestError('A CSV holds one table: name it.', [
        { field: 'query.table', message: 'required for CSV' },
      ]);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .send(toCsv(first));
  }
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`)
    .send(await toXlsx(chosen, heading));
}

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const dashboards = createDashboardService({ db: app.db });
  const tags = ['dashboards'];

  app.get(
    '/dashboards/rollout',
    {
      schema: {
        tags,
        summary:
          'City-wide rollout: plan progress and KPIs per initiative, figures per bureau/ward (executives, HR)',
        querystring: DashboardQuery,
        response: { 200: RolloutDashboard, ...errors },
      },
    },
    async (request) => dashboards.rollout(actorOf(request), request.query.fiscalYear),
  );
  app.get(
    '/dashboards/rollout/export',
    {
      schema: {
        tags,
        summary: 'The rollout dashboard’s tables as CSV (one table) or Excel (every table, or one)',
        querystring: DashboardExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const d = await dashboards.rollout(actorOf(request), request.query.fiscalYear);
      const lang = request.query.lang;
      const heading = `${lang === 'ja' ? '人材育成推進計画 実績報告' : 'HR Development Promotion Plan — annual report'} ${lang === 'ja' ? fiscalYearLabelJa(d.fiscalYear) : fiscalYearLabelEn(d.fiscalYear)}`;
      return sendExport(reply, request.query, rolloutTables(d, lang), d.fiscalYear, 'rollout', heading);
    },
  );
  app.get(
    '/dashboards/org-units/:id',
    {
      schema: {
        tags,
        summary: 'One unit’s figures with its children, for drill-down (bureau officers: their own 局・区)',
        params: IdParams,
        querystring: DashboardQuery,
        response: { 200: OrgUnitDashboard, ...errors },
      },
    },
    async (request) => dashboards.orgUnit(actorOf(request), request.params.id, request.query.fiscalYear),
  );
  app.get(
    '/dashboards/org-units/:id/export',
    {
      schema: {
        tags,
        summary: 'One unit’s dashboard tables as CSV or Excel',
        params: IdParams,
        querystring: DashboardExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const d = await dashboards.orgUnit(actorOf(request), request.params.id, request.query.fiscalYear);
      const lang = request.query.lang;
      const heading = `${d.unit.name[lang]} ${lang === 'ja' ? fiscalYearLabelJa(d.fiscalYear) : fiscalYearLabelEn(d.fiscalYear)}`;
      return sendExport(
        reply,
        request.query,
        orgUnitTables(d, lang),
        d.fiscalYear,
        `org-unit-${d.unit.code}`,
        heading,
      );
    },
  );
};
