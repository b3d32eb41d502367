import { AuditLogExportQuery, AuditLogPage, AuditLogQuery } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, when, before and after (HR administrators)',
        querystring: AuditLogQuery,
        response: { 200: AuditLogPage },
      },
    },
    async (request) => app.services.audit.list(actorOf(request), request.query),
  );
  app.get(
    '/audit-log/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered log as a file: CSV (UTF-8 with BOM) or Excel, labels in `lang`',
        querystring: AuditLogExportQuery,
      },
    },
    async (request, reply) => {
      const file = await app.services.audit.export(actorOf(request), request.query);
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="audit-log.${request.query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
