import { logger } from '../observability/logger.ts';
import { countApiRequest } from './monthly.ts';

/**
 * Starts counting one request of a customer-scoped route (billing's
 * `api_requests`) beside the handler, so it adds no latency; the returned
 * function waits for it before the answer leaves (Lambda freezes the
 * container after it). Counting is best effort: a failed count is logged,
 * never turned into a failed request.
 */
export function startCountingRequest(customerId: string): () => Promise<void> {
  const counting = countApiRequest(customerId).catch((error: unknown) => {
    logger.warn('API request not counted in usage', { error: error as Error });
  });
  return () => counting;
}
