import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { applyStackStatusEvent, type StackStatusEvent } from '#shared/customers/stack-events.ts';
import { logger } from '#shared/observability/logger.ts';

/**
 * EventBridge target for `portico-customer-*` stack status changes. A failure
 * (DynamoDB down) throws, so EventBridge retries; an event lost for good is
 * made up for by the reconciliation sweep.
 */
export const handler = middy<StackStatusEvent, 'applied' | 'ignored'>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async (event) => applyStackStatusEvent(event));
