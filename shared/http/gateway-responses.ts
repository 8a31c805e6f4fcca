/**
 * Answers API Gateway gives before a handler runs, as problem+json. The CDK
 * stack installs them as GatewayResponses; the local gateway answers the same.
 */
export const GATEWAY_RESPONSES = {
  UNAUTHORIZED: { status: 401, title: 'Unauthorized', detail: 'A valid bearer token is required.' },
  ACCESS_DENIED: { status: 403, title: 'Forbidden', detail: 'The token does not allow this request.' },
  MISSING_AUTHENTICATION_TOKEN: { status: 404, title: 'Not Found', detail: 'No route matches this method and path.' },
  BAD_REQUEST_PARAMETERS: { status: 400, title: 'Bad Request', detail: 'A required request parameter is missing.' },
  BAD_REQUEST_BODY: { status: 400, title: 'Bad Request', detail: 'The request body is invalid.' },
  REQUEST_TOO_LARGE: { status: 413, title: 'Payload Too Large', detail: 'The request is too large.' },
  THROTTLED: { status: 429, title: 'Too Many Requests', detail: 'Too many requests; slow down and retry.' },
  DEFAULT_4XX: { status: 400, title: 'Bad Request', detail: 'The request was refused.' },
  DEFAULT_5XX: { status: 500, title: 'Internal Server Error', detail: 'The request could not be completed.' },
} as const;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSES;
