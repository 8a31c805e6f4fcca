import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '#shared/observability/logger.ts';
import { applyS3ObjectEvent, type S3ObjectEvent } from '#shared/usage/s3-object-events.ts';

/** EventBridge target for 'Object Created' / 'Object Deleted' events of customer buckets. */
export const handler = middy<S3ObjectEvent, string>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async (event) => applyS3ObjectEvent(event));
