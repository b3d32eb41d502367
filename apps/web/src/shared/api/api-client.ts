import type { ProblemDetails } from '@portal/contracts';
import { markAnswered } from './activity.ts';

/** One bad field of a validation problem (`body.minutes`, `query.limit`, …). */
export type FieldError = {
  field: string;
  message: string;
  /** A stable code the web app translates, with the values its text names (roster rows, …) */
  code?: string;
  params?: Record<string, string | number>;
};

/**
 * Stable codes the UI translates (`errors.codes.*`). The API sends its own `code` in problem+json
 * (the same names where they overlap); these are the fallbacks for answers that are not problem
 * details, and for the network itself.
 */
export type ClientErrorCode =
  | 'network'
  | 'invalid_response'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'internal'
  | 'http_error';

/** An error answered by the API (RFC 9457 problem details) or met on the way to it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; `0` when no answer arrived. */
  readonly status: number;
  /** The problem's `code` (e.g. `validation`, `not_found`), or a {@link ClientErrorCode}. */
  readonly code: string;
  /** Field errors of a validation problem; empty otherwise. */
  readonly errors: FieldError[];
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again (`Retry-After` of a 429 or 503), when the answer said. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    errors?: FieldError[];
    detail?: string | undefined;
    requestId?: string | undefined;
    retryAfter?: number | undefined;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Reads problem details (RFC 9457 with the portal's `code`) without zod, which every page's error path
 * passes through: a first visit does not load zod for it (decision 037). Field errors keep only
 * well-formed entries.
 */
export function readProblem(body: unknown): ProblemDetails | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
  if (typeof b.type !== 'string' || typeof b.title !== 'string' || typeof b.code !== 'string')
    return undefined;
  if (typeof b.status !== 'number' || !Number.isInteger(b.status)) return undefined;
  if (!optionalString(b.detail) || !optionalString(b.instance) || !optionalString(b.requestId))
    return undefined;
  if (b.errors !== undefined && !Array.isArray(b.errors)) return undefined;
  const errors = (b.errors as unknown[] | undefined)?.filter(
    (e): e is FieldError =>
      e !== null &&
      typeof e === 'object' &&
      typeof (e as FieldError).field === 'string' &&
      typeof (e as FieldError).message === 'string' &&
      optionalString((e as FieldError).code) &&
      ((e as FieldError).params === undefined ||
        (typeof (e as FieldError).params === 'object' && (e as FieldError).params !== null)),
  );
  return {
    type: b.type,
    title: b.title,
    status: b.status,
    code: b.code,
    ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
    ...(typeof b.instance === 'string' ? { instance: b.instance } : {}),
    ...(typeof b.requestId === 'string' ? { requestId: b.requestId } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Anything with a zod-like `parse`; keeps the web app free of a direct zod import. */
export type Parser<T> = { parse(data: unknown): T };

export type ApiFetchOptions<T> = Omit<RequestInit, 'body'> & {
  /**
   * Validates (and types) the successful answer. The reads on a first visit's path (the session, the
   * sign-in page, the start page and the header) leave it out and name their type instead, so that
   * zod and the schemas come with the first page that needs them; the server's serializer has checked
   * those answers against the same contract before they left (decision 037).
   */
  schema?: Parser<T>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (a file the reader chose); set its `content-type` in `headers`. */
  body?: Blob;
};

function codeForStatus(status: number): ClientErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too_many_requests';
  if (status >= 500) return 'internal';
  return 'http_error';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  return JSON.parse(text);
}

/** `Retry-After` in seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    let body: unknown;
    try {
      body = await readJson(response);
    } catch {
      body = undefined;
    }
    const problem = readProblem(body);
    if (problem) {
      return new ApiError({
        status: problem.status || response.status,
        code: problem.code,
        message: problem.detail ?? problem.title,
        errors: problem.errors ?? [],
        detail: problem.detail,
        requestId: problem.requestId,
        retryAfter,
      });
    }
    // A problem without our `code` extension: keep what the standard fields say.
    if (body !== null && typeof body === 'object') {
      const loose = body as Partial<Record<'title' | 'detail', unknown>>;
      const detail = typeof loose.detail === 'string' ? loose.detail : undefined;
      const title = typeof loose.title === 'string' ? loose.title : undefined;
      return new ApiError({
        status: response.status,
        code: codeForStatus(response.status),
        message: detail ?? title ?? `HTTP ${response.status}`,
        detail,
        retryAfter,
      });
    }
  }
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    message: `HTTP ${response.status}`,
    retryAfter,
  });
}

/**
 * Calls the portal API (same origin, session cookie) and returns the parsed JSON answer.
 * Every failure is thrown as an {@link ApiError}, so the UI has one error shape to translate.
 */
export async function apiFetch<T = unknown>(path: string, options: ApiFetchOptions<T> = {}): Promise<T> {
  const { schema, json, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('accept', 'application/json, application/problem+json');
  if (json !== undefined) requestHeaders.set('content-type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: requestHeaders,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'Network error', cause });
  }

  if (!response.ok) throw await toApiError(response);
  markAnswered();

  let data: unknown;
  try {
    data = await readJson(response);
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'Invalid JSON', cause });
  }
  if (!schema) return data as T;
  try {
    return schema.parse(data);
  } catch (cause) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The answer does not match the contract',
      cause,
    });
  }
}
