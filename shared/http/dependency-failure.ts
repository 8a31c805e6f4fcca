import { isTransactionConflict } from '../dynamo/errors.ts';
import { HttpProblem } from './errors.ts';

/**
 * How long a client should wait before retrying after a dependency failed.
 * SDK clients give up well inside a function's timeout (shared/clients), so
 * an outage answers 503 quickly instead of hanging until the gateway's 504.
 */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
  'InternalErrorException',
  'SlowDown',
]);

interface SdkLikeError {
  readonly name?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: unknown;
  readonly cause?: unknown;
}

/**
 * True when an error says a dependency (DynamoDB, Cognito, S3,
 * CloudFormation) is unreachable, slow, throttling or failing: a condition
 * that passes, which the caller should retry, not a fault in the request.
 */
export function isDependencyFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as SdkLikeError;
  if (e.name && TRANSIENT_NAMES.has(e.name)) return true;
  if (isTransactionConflict(error)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return isDependencyFailure(e.cause, depth + 1);
}

export class DependencyUnavailableError extends HttpProblem {
  constructor(cause: unknown) {
    super(
      503,
      'Service Unavailable',
      `A service Portico depends on did not answer in time. Nothing was lost; retry in ${RETRY_AFTER_SECONDS} seconds.`,
      { retry_after_seconds: RETRY_AFTER_SECONDS },
      { cause },
    );
  }
}
