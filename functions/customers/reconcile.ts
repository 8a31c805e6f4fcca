import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV } from '#shared/config/env-vars.ts';
import { intEnv } from '#shared/config/runtime.ts';
import { DEFAULT_STALE_AFTER_SECONDS, sweepStaleCustomers, type SweepReport } from '#shared/customers/reconcile-sweep.ts';
import { continueRollout, type ContinueReport } from '#shared/customers/rollout.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from '#shared/observability/logger.ts';
import { customerMetrics, STALE_PROVISIONING_METRIC } from '#shared/observability/metrics.ts';

const staleAfterSeconds = intEnv(ENV.reconcileStaleAfterSeconds, DEFAULT_STALE_AFTER_SECONDS);

/**
 * Scheduled every few minutes: customers stuck PROVISIONING or OFFBOARDING are reconciled
 * with their stack, then an unfinished template rollout takes its next step.
 */
export const handler = middy<ScheduledEvent, SweepReport & { rollout?: ContinueReport }>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .handler(async () => {
    const report = await sweepStaleCustomers({ now: new Date(), staleAfterSeconds });
    // Every run reports it, zero included, so the alarm on customers stuck in PROVISIONING sees a steady series.
    customerMetrics.addMetric(STALE_PROVISIONING_METRIC, MetricUnit.Count, report.customers.filter((c) => c.status === 'PROVISIONING').length);
    customerMetrics.publishStoredMetrics();
    const rollout = await continueRollout({ staleAfterSeconds });
    return { ...report, ...(rollout ? { rollout } : {}) };
  });
