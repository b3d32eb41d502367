/**
 * Every error leaves as problem+json (RFC 9457): typed AppErrors with their status and code;
 * schema validation as 400 with one entry per bad field; anything unknown as a generic 500 carrying
 * the request id (the details go to the log only).
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError, type FieldError } from '../shared/errors.ts';

/** What a 503 for a database that cannot answer asks the client to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; body?: Record<string, unknown> } = {},
): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `about:blank#${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...extra.body,
    });
}

function fieldOf(location: string | undefined, path: string): string {
  const where = (location ?? 'body').replace(/^querystring$/, 'query');
  const rest = path.replace(/^\//, '').replaceAll('/', '.');
  return rest ? `${where}.${rest}` : where;
}

/** The values of a zod issue the web app's messages name (`minimum`, `maximum`, `origin`, `format`, …). */
const ISSUE_PARAMS = ['minimum', 'maximum', 'origin', 'format', 'expected'] as const;

/**
 * A schema issue as a field error the web app can translate: the issue's code (`too_small`,
 * `invalid_format`, …) or, for a refinement, the `code` it names in its params, and the values its
 * message needs. The English `message` stays for API clients and logs.
 */
export function describeIssue(
  keyword: string,
  issue: Record<string, unknown> | undefined,
): Pick<FieldError, 'code' | 'params'> {
  const named = issue?.params as { code?: unknown } | undefined;
  const code = keyword === 'custom' && typeof named?.code === 'string' ? named.code : keyword;
  const params: Record<string, string | number> = {};
  for (const name of ISSUE_PARAMS) {
    const value = issue?.[name];
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  }
  if (issue?.inclusive === false) params.inclusive = 'no';
  return Object.keys(params).length ? { code, params } : { code };
}

export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.extra.headers) reply.headers(error.extra.headers);
      return sendProblem(reply, request, error.status, error.code, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: fieldOf(error.validationContext, v.instancePath),
        message: v.message ?? 'invalid',
        ...describeIssue(v.keyword, v.params as Record<string, unknown> | undefined),
      }));
      return sendProblem(reply, request, 400, 'validation', 'The request has invalid fields.', { errors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, request, 500, 'internal', 'An unexpected error occurred.');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, …
      const code =
        status === 429 ? 'too_many_requests' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return sendProblem(reply, request, status, code, error.message);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'the database cannot answer');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(
        reply,
        request,
        503,
        'database_unavailable',
        'The database cannot answer right now. Try again in a moment.',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 500, 'internal', 'An unexpected error occurred.');
  });
});

/** The 404 for a path no route answers. */
export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    request,
    404,
    'not_found',
    `No route for ${request.method} ${request.url.split('?')[0]}.`,
  );
}

/** The stable code of an error Fastify raises before routing (`frameworkErrors`). */
export function frameworkErrorCode(error: FastifyError): string {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return 'uri_too_long';
  if (error.code === 'FST_ERR_BAD_URL') return 'bad_url';
  return 'bad_request';
}

/**
 * The answer to a request the HTTP parser refused (headers too large, a malformed request, a timeout),
 * written on the socket as no request object exists: problem+json with the headers of every answer.
 */
export function writeClientError(
  error: Error & { code?: string },
  socket: Socket,
  headers: Record<string, string>,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers (or its address) are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive.']
        : [400, 'bad_request', 'The request is malformed.'];
  const title = TITLES[status] ?? 'Error';
  const body = JSON.stringify({ type: `about:blank#${code}`, title, status, detail, code });
  if (socket.writable) {
    const lines = Object.entries({
      ...headers,
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    }).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${title}\r\n${lines.join('')}\r\n${body}`);
  }
  socket.destroy(error);
}
