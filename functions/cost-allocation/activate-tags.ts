import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { runTagActivation } from '#shared/billing/tag-activation.ts';
import { customResourceResponse, sendCustomResourceResponse } from '#shared/custom-resources/response.ts';
import { logger } from '#shared/observability/logger.ts';

/**
 * Custom resource of the platform stack: activates the cost-allocation tags on every
 * deploy. The answer goes to CloudFormation's ResponseURL; only a response that cannot be
 * delivered throws (Lambda retries the invocation, then parks it in the dead-letter queue).
 */
export const handler = middy<CloudFormationCustomResourceEvent, void>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async (event) => {
    const result = await runTagActivation(event);
    await sendCustomResourceResponse(event.ResponseURL, customResourceResponse(event, result));
  });
