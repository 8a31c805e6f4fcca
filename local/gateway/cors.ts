import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE_SECONDS } from '#shared/http/cors.ts';
import type { GatewayAnswer } from './gateway-answer.ts';

/** The CORS preflight answer, the same on every resource, as API Gateway's mock OPTIONS methods give it. */
export function preflightAnswer(): GatewayAnswer {
  return {
    statusCode: 204,
    headers: {
      'Access-Control-Allow-Methods': CORS_ALLOW_METHODS.join(','),
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS.join(','),
      'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
    },
    body: '',
  };
}

/** `Access-Control-Allow-Origin` for a request's Origin: `*`, the origin itself when allowed, or nothing. */
export function allowOriginHeaders(allowed: readonly string[], origin: string | undefined): Record<string, string> {
  if (allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  return origin && allowed.includes(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
}
