import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/observability/logger.ts';
import { sampleStorage } from '#shared/usage/storage-samples.ts';

/** Scheduled daily: adds every customer's stored bytes to its month (GB-months). */
export const handler = middy<unknown, { sampled: number; duplicates: number }>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => sampleStorage());
