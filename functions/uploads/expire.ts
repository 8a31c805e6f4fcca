import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/observability/logger.ts';
import { expireReservations } from '#shared/uploads/expiry.ts';

/** Scheduled: releases the storage reserved by uploads that were never finished. */
export const handler = middy<unknown, { released: number; examined: number }>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => expireReservations());
