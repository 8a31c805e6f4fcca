import { RETRY_AFTER_SECONDS } from './dependency-failure.ts';

/**
 * Answers API Gateway gives before or instead of a handler, as problem+json.
 * The CDK stack installs them as GatewayResponses; the local gateway answers
 * the same. Types only API Gateway can produce are in `lib/constructs/gateway-responses.ts`.
 */
export interface GatewayProblem {
  /** HTTP status API Gateway answers with (also the `status` member of the body). */
  readonly status: number;
  /** Short, stable summary of the problem type (`title`). */
  readonly title: string;
  /** Explanation for the caller (`detail`); never carries internals. */
  readonly detail: string;
  /** Sent as `Retry-After`: the answer says a dependency failed, and when to try again. */
  readonly retryAfterSeconds?: number;
}

export const GATEWAY_RESPONSES = {
  /** No `Authorization` header, or the authorizer threw `Unauthorized` (missing or malformed bearer token). */
  UNAUTHORIZED: { status: 401, title: 'Unauthorized', detail: 'A valid bearer token is required.' },
  /** The authorizer's policy does not allow the request; its detail is the authorizer's reason. */
  ACCESS_DENIED: { status: 401, title: 'Unauthorized', detail: 'The token was refused.' },
  MISSING_AUTHENTICATION_TOKEN: { status: 404, title: 'Not Found', detail: 'No route matches this method and path.' },
  /** Its detail is API Gateway's validation message, e.g. `Missing required request parameters: [confirm]`. */
  BAD_REQUEST_PARAMETERS: { status: 400, title: 'Bad Request', detail: 'A required request parameter is missing.' },
  BAD_REQUEST_BODY: { status: 400, title: 'Bad Request', detail: 'The request body is invalid.' },
  REQUEST_TOO_LARGE: { status: 413, title: 'Payload Too Large', detail: 'The request is too large.' },
  THROTTLED: { status: 429, title: 'Too Many Requests', detail: 'Too many requests; slow down and retry.' },
  DEFAULT_4XX: { status: 400, title: 'Bad Request', detail: 'The request was refused.' },
  DEFAULT_5XX: { status: 500, title: 'Internal Server Error', detail: 'The request could not be completed.' },
  /**
   * The authorizer function failed (threw anything but `Unauthorized`, or timed out): the
   * user pool's keys, the directory or a table did not answer. A dependency failure like
   * any other, so 503 with Retry-After (RETRY_AFTER_SECONDS), never a bare 500.
   */
  AUTHORIZER_FAILURE: {
    status: 503,
    title: 'Service Unavailable',
    detail: `The request could not be authorized now; retry in ${RETRY_AFTER_SECONDS} seconds.`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  },
  /** The authorizer answered something that is not a valid authorizer result. */
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    title: 'Internal Server Error',
    detail: 'The request could not be authorized; try again later.',
  },
  /**
   * The function failed: it threw, timed out, or returned no valid proxy result.
   * API Gateway answers these Lambda proxy errors with 502 and this response type.
   */
  INTEGRATION_FAILURE: { status: 502, title: 'Bad Gateway', detail: 'The service did not complete the request; try again later.' },
} as const satisfies Record<string, GatewayProblem>;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSES;

/**
 * Response types whose `detail` API Gateway fills in per request from a
 * context variable, instead of the static text above (which stays the local
 * gateway's fallback when there is nothing to fill in).
 */
export const GATEWAY_RESPONSE_DETAIL_VARIABLES = {
  BAD_REQUEST_PARAMETERS: '$context.error.validationErrorString',
  ACCESS_DENIED: '$context.authorizer.reason',
} as const satisfies Partial<Record<GatewayResponseType, string>>;

/**
 * API Gateway's validation message for missing required parameters (the value
 * of `$context.error.validationErrorString`): the names sorted, in brackets.
 */
export function missingParametersDetail(names: readonly string[]): string {
  return `Missing required request parameters: [${[...names].sort().join(', ')}]`;
}
