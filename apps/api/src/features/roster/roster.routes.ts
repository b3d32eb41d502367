/**
 * 職員名簿の取込 over HTTP. The file is the raw request body (CSV or .xlsx, up to 20 MB), its name
 * URL-encoded in `X-File-Name`; apply takes the same file again with the preview's token.
 */
import { ProblemDetails } from '@portal/contracts';
import {
  ROSTER_MAX_BYTES,
  RosterApplyQuery,
  RosterApplyResult,
  RosterFileHeaders,
  RosterPreview,
} from '@portal/contracts/roster/roster.schemas';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { isStorableText, UNSTORABLE_MESSAGE } from '../../plugins/storable-text.ts';
import { AppError, BadRequestError } from '../../shared/errors.ts';
import { createRosterService, type RosterFile } from './roster.service.ts';

/** The media types a roster file arrives as (browsers on Windows label .csv as an Excel type). */
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

function fileOf(request: FastifyRequest): RosterFile {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    const message = 'Send the roster file (CSV or .xlsx) as the request body.';
    throw new AppError(400, 'roster_empty', message, {
      errors: [{ field: 'body', message, code: 'roster_empty', params: {} }],
    });
  }
  const header = request.headers['x-file-name'];
  let name = 'roster';
  if (typeof header === 'string' && header.trim() !== '') {
    try {
      name = decodeURIComponent(header.trim());
    } catch {
      throw new BadRequestError('X-File-Name must be URL-encoded.', [
        { field: 'headers.x-file-name', message: 'Not URL-encoded.' },
      ]);
    }
    if (!isStorableText(name)) {
      throw new BadRequestError('The request has invalid fields.', [
        { field: 'headers.x-file-name', message: UNSTORABLE_MESSAGE },
      ]);
    }
  }
  return {
    name: name.slice(0, 255),
    contentType: request.headers['content-type'] ?? '',
    bytes: request.body,
  };
}

export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRosterService({ db: app.db });

  // Scoped to this plugin: only these routes take files as their body.
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: ROSTER_MAX_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const errors = {
    400: ProblemDetails,
    403: ProblemDetails,
    409: ProblemDetails,
    413: ProblemDetails,
    415: ProblemDetails,
  };

  app.post(
    '/roster-imports/preview',
    {
      bodyLimit: ROSTER_MAX_BYTES,
      schema: {
        tags: ['roster'],
        summary: 'Preview a roster file (CSV or .xlsx as the body): what it would change, and every bad row',
        headers: RosterFileHeaders,
        response: { 200: RosterPreview, ...errors },
      },
    },
    async (request) => service.previewRoster(actorOf(request), fileOf(request)),
  );

  app.post(
    '/roster-imports',
    {
      bodyLimit: ROSTER_MAX_BYTES,
      schema: {
        tags: ['roster'],
        summary: 'Apply a previewed roster file, whole or not at all; `token` is the preview’s',
        headers: RosterFileHeaders,
        querystring: RosterApplyQuery,
        response: { 200: RosterApplyResult, ...errors },
      },
    },
    async (request) =>
      service.applyRoster(actorOf(request), fileOf(request), request.query.token, {
        ip: request.ip ?? null,
        requestId: request.id,
      }),
  );
};
