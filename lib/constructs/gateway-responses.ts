/**
 * The errors API Gateway itself returns (before or instead of a handler), as RFC 9457
 * problem documents. Plain data with no CDK import.
 *
 * The types the local gateway also produces come from `shared/http/gateway-responses.ts`
 * (one source for both worlds); the ones only API Gateway can produce are added here,
 * so every response type API Gateway knows has an explicit status and DEFAULT_4XX /
 * DEFAULT_5XX only ever catch types AWS adds later.
 */
import { GATEWAY_RESPONSES as SHARED_GATEWAY_RESPONSES } from '#shared/http/gateway-responses.ts';

export interface GatewayProblem {
  /** HTTP status API Gateway answers with (also the `status` member of the body). */
  readonly status: number;
  /** Short, stable summary of the problem type (`title`). */
  readonly title: string;
  /** Explanation for the caller (`detail`); never carries internals. */
  readonly detail: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Response types only API Gateway produces (the local gateway has no equivalent). */
export const AWS_ONLY_GATEWAY_RESPONSES = {
  RESOURCE_NOT_FOUND: { status: 404, title: 'Not Found', detail: 'No route matches this method and path.' },
  EXPIRED_TOKEN: { status: 401, title: 'Unauthorized', detail: 'The token has expired; sign in again.' },
  INVALID_SIGNATURE: { status: 403, title: 'Forbidden', detail: 'The request signature is not valid.' },
  INVALID_API_KEY: { status: 403, title: 'Forbidden', detail: 'The API key is not valid.' },
  WAF_FILTERED: { status: 403, title: 'Forbidden', detail: 'The request was blocked by the firewall.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type', detail: 'The request content type is not supported.' },
  QUOTA_EXCEEDED: { status: 429, title: 'Too Many Requests', detail: 'Request quota exceeded.' },
  AUTHORIZER_FAILURE: { status: 500, title: 'Internal Server Error', detail: 'The request could not be authorized; try again later.' },
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    title: 'Internal Server Error',
    detail: 'The request could not be authorized; try again later.',
  },
  API_CONFIGURATION_ERROR: { status: 500, title: 'Internal Server Error', detail: 'The request could not be completed.' },
  INTEGRATION_FAILURE: { status: 502, title: 'Bad Gateway', detail: 'The request could not be completed.' },
  INTEGRATION_TIMEOUT: { status: 504, title: 'Gateway Timeout', detail: 'The service did not answer in time; try again later.' },
} as const satisfies Record<string, GatewayProblem>;

/** Every gateway response the API installs: the shared ones plus the AWS-only ones. */
export const GATEWAY_RESPONSES = {
  ...(SHARED_GATEWAY_RESPONSES satisfies Record<string, GatewayProblem>),
  ...AWS_ONLY_GATEWAY_RESPONSES,
} as const;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSES;

/** The problem document for a gateway response type and a request id. */
export function gatewayProblem(
  type: GatewayResponseType,
  requestId: string,
): { type: 'about:blank'; title: string; status: number; detail: string; request_id: string } {
  const problem: GatewayProblem = GATEWAY_RESPONSES[type];
  return { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, request_id: requestId };
}
