import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/observability/logger.ts';
import { reconcileStorage, type ReconcileSummary } from '#shared/usage/storage-reconciliation.ts';

/** Scheduled daily: every customer bucket's CloudWatch storage metrics against its counters. */
export const handler = middy<unknown, ReconcileSummary>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => reconcileStorage());
