/**
 * What browsers may do on cross-origin API calls, declared once: API Gateway's
 * CORS preflight (`lib/constructs/api.ts`) and the local gateway's answer the same.
 */

/** Request headers a browser may send. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'] as const;

/** Methods a browser may use (every resource answers the same preflight). */
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Response headers a browser may read besides the CORS-safelisted ones. */
export const CORS_EXPOSE_HEADERS = ['Location'] as const;

/** How long a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;
