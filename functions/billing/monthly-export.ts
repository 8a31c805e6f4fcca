import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { monthlyExport } from '#shared/billing/monthly-export.ts';
import { logger } from '#shared/observability/logger.ts';

/** Scheduled on the 1st: last month's export, written to the finance bucket as `billing/YYYY-MM.csv`. */
export const handler = middy<unknown, { key: string; rows: number }>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => monthlyExport());
