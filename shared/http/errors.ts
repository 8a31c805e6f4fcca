import type { FieldError } from '../validation/field-error.ts';

/**
 * Errors a handler may throw on purpose. Each carries the HTTP status and a
 * detail safe to show the caller; `problemErrorHandler` turns them into
 * application/problem+json. Anything else is a 500 with a generic body.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends HttpProblem {
  constructor(readonly errors: readonly FieldError[], detail?: string) {
    super(400, 'Bad Request', detail ?? summarize(errors), { errors });
  }
}

export class UnauthorizedError extends HttpProblem {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends HttpProblem {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(403, 'Forbidden', detail, extensions);
  }
}

/**
 * The caller is not allowed to act on this customer. The body is the same
 * whether the customer exists or not, so it tells an outsider nothing.
 */
export class TenantAccessDeniedError extends ForbiddenError {
  constructor() {
    super('You do not have access to this customer.');
  }
}

export class NotFoundError extends HttpProblem {
  constructor(detail: string) {
    super(404, 'Not Found', detail);
  }
}

export class ConflictError extends HttpProblem {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(409, 'Conflict', detail, extensions);
  }
}

export class UnprocessableError extends HttpProblem {
  constructor(detail: string) {
    super(422, 'Unprocessable Content', detail);
  }
}

export class QuotaExceededError extends HttpProblem {
  constructor(detail: string, extensions: Record<string, unknown>) {
    super(429, 'Too Many Requests', detail, extensions);
  }
}

export class PayloadTooLargeError extends HttpProblem {
  constructor(limitBytes: number) {
    super(413, 'Payload Too Large', `The request body must be at most ${limitBytes} bytes.`, { limit_bytes: limitBytes });
  }
}

function summarize(errors: readonly FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is invalid.';
  const where = first.field === '' ? 'request body' : `'${first.field}'`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `Invalid ${where}: ${first.message}${more}`;
}

export class NotAcceptableError extends HttpProblem {
  constructor(detail: string, available: readonly string[]) {
    super(406, 'Not Acceptable', detail, { available });
  }
}
