import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV } from '#shared/config/env-vars.ts';
import { intEnv } from '#shared/config/runtime.ts';
import { DEFAULT_STALE_AFTER_SECONDS, sweepStaleCustomers, type SweepReport } from '#shared/customers/reconcile-sweep.ts';
import { logger } from '#shared/observability/logger.ts';

const staleAfterSeconds = intEnv(ENV.reconcileStaleAfterSeconds, DEFAULT_STALE_AFTER_SECONDS);

/** Scheduled every few minutes: customers stuck PROVISIONING or OFFBOARDING are reconciled with their stack. */
export const handler = middy<ScheduledEvent, SweepReport>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => sweepStaleCustomers({ now: new Date(), staleAfterSeconds }));
