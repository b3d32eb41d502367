/**
 * The one error model. Services throw these; the error-handler plugin turns them into RFC 9457
 * problem details. `code` is stable: the web app translates it.
 */
export type FieldError = {
  field: string;
  message: string;
  /** A stable code the web app translates, with the values its text names (roster rows, …) */
  code?: string;
  params?: Record<string, string | number>;
};

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      body?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, errors?: FieldError[]) {
    super(400, 'validation', message, { errors });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign-in required.', code = 'unauthorized') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role may not do this.', code = 'forbidden') {
    super(403, code, message);
  }
}

/** Also the answer for what exists but lies outside the actor's scope: its existence is not revealed. */
export class NotFoundError extends AppError {
  constructor(message = 'Not found.', code = 'not_found') {
    super(404, code, message);
  }
}

/** A stale version or a duplicate. `current` is sent back so the client can reconcile. */
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', current?: unknown) {
    super(409, code, message, current === undefined ? {} : { body: { current } });
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts. Try again later.') {
    super(429, 'too_many_requests', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

export class UnavailableError extends AppError {
  constructor(message = 'The service is not available.') {
    super(503, 'unavailable', message);
  }
}
