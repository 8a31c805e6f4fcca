/**
 * The errors API Gateway itself returns (before or instead of a handler), as RFC 9457
 * problem documents. Plain data with no CDK import.
 *
 * The types the local gateway also produces come from `shared/http/gateway-responses.ts`
 * (one source for both worlds); the ones only API Gateway can produce are added here,
 * so every response type API Gateway knows has an explicit status and DEFAULT_4XX /
 * DEFAULT_5XX only ever catch types AWS adds later.
 */
import {
  GATEWAY_RESPONSE_DETAIL_VARIABLES,
  GATEWAY_RESPONSES as SHARED_GATEWAY_RESPONSES,
  type GatewayProblem,
} from '#shared/http/gateway-responses.ts';

/** Response types only API Gateway produces (the local gateway has no equivalent). */
export const AWS_ONLY_GATEWAY_RESPONSES = {
  RESOURCE_NOT_FOUND: { status: 404, title: 'Not Found', detail: 'No route matches this method and path.' },
  EXPIRED_TOKEN: { status: 401, title: 'Unauthorized', detail: 'The token has expired; sign in again.' },
  INVALID_SIGNATURE: { status: 403, title: 'Forbidden', detail: 'The request signature is not valid.' },
  INVALID_API_KEY: { status: 403, title: 'Forbidden', detail: 'The API key is not valid.' },
  WAF_FILTERED: { status: 403, title: 'Forbidden', detail: 'The request was blocked by the firewall.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported Media Type', detail: 'The request content type is not supported.' },
  QUOTA_EXCEEDED: { status: 429, title: 'Too Many Requests', detail: 'Request quota exceeded.' },
  API_CONFIGURATION_ERROR: { status: 500, title: 'Internal Server Error', detail: 'The request could not be completed.' },
  /** The 29-second integration timeout; every function's own timeout is shorter, so that is INTEGRATION_FAILURE. */
  INTEGRATION_TIMEOUT: { status: 504, title: 'Gateway Timeout', detail: 'The service did not answer in time; try again later.' },
} as const satisfies Record<string, GatewayProblem>;

/** Every gateway response the API installs: the shared ones plus the AWS-only ones. */
export const GATEWAY_RESPONSES = {
  ...SHARED_GATEWAY_RESPONSES,
  ...AWS_ONLY_GATEWAY_RESPONSES,
} as const;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSES;

/**
 * The `detail` of a gateway response template: the static text, or the context
 * variable API Gateway substitutes per request.
 *
 * Gateway response templates are not run through VTL: they support "only simple
 * variable substitution", of `$context` variables, `$stageVariables` and method
 * request parameters (API Gateway developer guide, "Setting up gateway responses to
 * customize error responses" and the `x-amazon-apigateway-gateway-responses.responseTemplates`
 * object). `$context.authorizer.<key>` is "the stringified value of the specified
 * key-value pair of the context map returned from an API Gateway Lambda authorizer
 * function" ("Variables for data transformations"); the docs do not restrict it to an
 * Allow, and an AWS re:Post answer ("Customizing REST API Gateway authorizer response")
 * reads the context of a Deny in the ACCESS_DENIED template. The docs do not say how a
 * key the authorizer did not return renders, and nothing is escaped: so the authorizer
 * must put a `reason` on every Deny, a plain sentence without `"` or `\`, since it lands
 * inside a JSON string as is.
 */
function templateDetail(type: GatewayResponseType): string {
  const variables: Partial<Record<GatewayResponseType, string>> = GATEWAY_RESPONSE_DETAIL_VARIABLES;
  return variables[type] ?? GATEWAY_RESPONSES[type].detail;
}

/** The problem document of a gateway response template, for a request id (a context variable). */
export function gatewayProblem(
  type: GatewayResponseType,
  requestId: string,
): { type: 'about:blank'; title: string; status: number; detail: string; request_id: string } {
  const problem: GatewayProblem = GATEWAY_RESPONSES[type];
  return { type: 'about:blank', title: problem.title, status: problem.status, detail: templateDetail(type), request_id: requestId };
}
