/**
 * How long an SDK call may take, set on purpose: a request that gets no
 * answer within `requestTimeout` is retried once or twice, and then the
 * handler answers 503 with Retry-After. Worst case for one call is about
 * maxAttempts × requestTimeout plus back-off (about 7 s for DynamoDB), well
 * inside the 10 s function timeout, so a frozen dependency never turns into a
 * gateway timeout or a late write after the client gave up waiting.
 */
export const DYNAMODB_CLIENT_TIMEOUTS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
} as const;

/** Cognito, CloudFormation and S3 calls are fewer per request and slower to answer. */
export const SERVICE_CLIENT_TIMEOUTS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
} as const;
