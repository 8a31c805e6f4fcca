import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../observability/logger.ts';
import { DependencyUnavailableError, isDependencyFailure } from './dependency-failure.ts';
import { HttpProblem } from './errors.ts';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem.ts';

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** middy's HttpError shape (from @middy/util createError). */
interface MiddyHttpError extends Error {
  statusCode: number;
  expose?: boolean;
  cause?: { package?: string; message?: string };
}

function isMiddyHttpError(error: unknown): error is MiddyHttpError {
  return error instanceof Error && typeof (error as MiddyHttpError).statusCode === 'number';
}

/** Maps any error to a problem; only HttpProblem and exposed middy errors reveal a detail. */
export function toProblem(error: unknown, event: APIGatewayProxyEvent): ProblemDetails {
  const context = { instance: event.path, request_id: event.requestContext?.requestId };
  if (!(error instanceof HttpProblem) && isDependencyFailure(error)) return toProblem(new DependencyUnavailableError(error), event);
  if (error instanceof HttpProblem) {
    return problem(error.status, error.title, error.detail, { ...context, ...error.extensions });
  }
  if (isMiddyHttpError(error) && error.statusCode < 500) {
    // @middy/http-json-body-parser reports unparsable JSON as 415; it is a bad request.
    if (error.cause?.package === '@middy/http-json-body-parser') {
      return error.cause.message
        ? problem(400, 'Bad Request', `The request body is not valid JSON: ${error.cause.message}`, context)
        : problem(415, 'Unsupported Media Type', 'Send the request body as application/json.', context);
    }
    const title = STATUS_TITLES[error.statusCode] ?? 'Bad Request';
    return problem(error.statusCode, title, error.expose === false ? title : error.message, context);
  }
  return problem(500, 'Internal Server Error', 'The request could not be completed. Quote the request_id when reporting it.', context);
}

export function problemResponse(details: ProblemDetails): APIGatewayProxyResult {
  const retryAfter = details.retry_after_seconds;
  return {
    statusCode: details.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...(typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {}) },
    body: JSON.stringify(details),
  };
}

/** Last line of every HTTP chain: every error leaves as application/problem+json. */
export function problemErrorHandler(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      const details = toProblem(request.error, request.event);
      if (details.status === 503) {
        logger.warn('dependency unavailable', { error: request.error as Error });
      } else if (details.status >= 500) {
        logger.error('request failed', { error: request.error as Error });
      } else {
        logger.info('request refused', { status: details.status, detail: details.detail });
      }
      request.response = problemResponse(details);
    },
  };
}
