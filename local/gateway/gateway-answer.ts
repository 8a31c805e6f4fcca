// Every response the CDK stack installs, the AWS-only ones included: the local gateway
// also refuses an API key in no usage plan (INVALID_API_KEY).
import { GATEWAY_RESPONSES, type GatewayResponseType } from '#lib/constructs/gateway-responses.ts';
import { METHOD_NOT_ALLOWED, allowHeader, methodNotAllowedDetail } from '#shared/http/method-not-allowed.ts';
import { PROBLEM_CONTENT_TYPE, problem } from '#shared/http/problem.ts';

/** An answer of the local gateway: status, headers and body, as a proxy result has them. */
export interface GatewayAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A gateway response, refined where API Gateway substitutes a value per request. */
export interface GatewayRefusal {
  readonly type: GatewayResponseType;
  /** Replaces the static detail, as `$context.…` does in the AWS template. */
  readonly detail?: string;
}

export interface RequestIds {
  /** The request path (`instance`). */
  readonly path: string;
  readonly requestId: string;
}

/** The problem+json answer of a gateway response type, as the CDK stack installs it. */
export function gatewayAnswer(refusal: GatewayRefusal, ids: RequestIds): GatewayAnswer {
  const response: { status: number; title: string; detail: string; retryAfterSeconds?: number } = GATEWAY_RESPONSES[refusal.type];
  const answer = problemAnswer(response.status, response.title, refusal.detail ?? response.detail, ids);
  return response.retryAfterSeconds === undefined ? answer : { ...answer, headers: { ...answer.headers, 'Retry-After': String(response.retryAfterSeconds) } };
}

/** 405 with the methods the path serves, as the mock ANY method answers it. */
export function methodNotAllowedAnswer(method: string, allowed: readonly string[], ids: RequestIds): GatewayAnswer {
  const answer = problemAnswer(METHOD_NOT_ALLOWED.status, METHOD_NOT_ALLOWED.title, methodNotAllowedDetail(method, allowed), ids);
  return { ...answer, headers: { ...answer.headers, Allow: allowHeader(allowed) } };
}

function problemAnswer(status: number, title: string, detail: string, ids: RequestIds): GatewayAnswer {
  return {
    statusCode: status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(problem(status, title, detail, { instance: ids.path, request_id: ids.requestId })),
  };
}
