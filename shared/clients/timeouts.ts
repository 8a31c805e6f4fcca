/**
 * How long an SDK call may take, set on purpose: a request that gets no
 * answer within `requestTimeout` is retried once or twice, and then the
 * handler answers 503 with Retry-After. Worst case for one call is about
 * maxAttempts × requestTimeout plus back-off (measured: 6.1 s for both
 * DynamoDB and the other services), inside the 10 s function timeout, so a
 * frozen dependency never turns into a gateway timeout.
 */
export const DYNAMODB_CLIENT_TIMEOUTS = {
  maxAttempts: 3,
  // Without throwOnRequestTimeout the SDK only logs a warning and keeps waiting.
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
} as const;

/** Cognito, CloudFormation and S3 calls are fewer per request and slower to answer. */
export const SERVICE_CLIENT_TIMEOUTS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
} as const;

/** The longest a request waits on one unresponsive dependency before it answers 503 (documented in the README). */
export const DEPENDENCY_FAILURE_BOUND_SECONDS = 8;
