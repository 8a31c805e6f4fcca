import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/observability/logger.ts';
import { reconcileWorksets } from '#shared/workset-lifecycle/sweep.ts';

/** Scheduled: finishes or fails stopped hand-overs, releases slots nobody holds. */
export const handler = middy<unknown, Awaited<ReturnType<typeof reconcileWorksets>>>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => reconcileWorksets());
