import { ForbiddenError, HttpProblem, QuotaExceededError } from '../http/errors.ts';
import type { AdmissionRefusal, QuotaWarning } from './admission.ts';

/** The first instant of the month after `month` (`2026-11` → 2026-12-01T00:00:00Z). */
export function monthResetsAt(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 1));
}

/** Why a workset was not admitted, as the caller reads it: 403 for an inactive customer, 429 for a quota. */
export function refusalProblem(customerId: string, refusal: AdmissionRefusal, now = new Date()): HttpProblem {
  switch (refusal.reason) {
    case 'inactive':
      return new ForbiddenError(`Customer ${customerId} is not active (${refusal.status}); no workset can be admitted until it is.`, {
        customer_status: refusal.status,
      });
    case 'concurrency':
      return new QuotaExceededError(`${refusal.used} of ${refusal.limit} concurrent worksets in use; submit again when one finishes.`, {
        quota: 'max_concurrent_worksets',
        limit: refusal.limit,
        used: refusal.used,
      });
    case 'monthly-runs': {
      const resetsAt = monthResetsAt(refusal.month);
      return new QuotaExceededError(
        `${refusal.used} of ${refusal.limit} runs used in ${refusal.month}; the count starts again on ${resetsAt.toISOString().slice(0, 10)}.`,
        {
          quota: 'max_runs_per_month',
          limit: refusal.limit,
          used: refusal.used,
          resets_at: resetsAt.toISOString(),
          retry_after_seconds: Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
        },
      );
    }
    case 'storage':
      return new QuotaExceededError(
        `${refusal.usedGb} GB of the ${refusal.limitGb} GB storage quota are in use; free some space or ask for a larger quota.`,
        { quota: 'max_storage_gb', limit: refusal.limitGb, used: refusal.usedGb },
      );
  }
}

/** Too many samples for the customer's per-workset limit. */
export function tooManySamples(limit: number, used: number): HttpProblem {
  return new HttpProblem(422, 'Unprocessable Content', `This workset has ${used} samples; the customer's limit is ${limit} per workset.`, {
    quota: 'max_samples_per_workset',
    limit,
    used,
  });
}

/** What the answer says about a warn-mode quota the admission went past. */
export function warningText(warning: QuotaWarning): { quota: string; limit: number; used: number; detail: string } {
  switch (warning.reason) {
    case 'concurrency':
      return { quota: 'max_concurrent_worksets', limit: warning.limit, used: warning.used, detail: `${warning.used} of ${warning.limit} concurrent worksets were already in use` };
    case 'monthly-runs':
      return { quota: 'max_runs_per_month', limit: warning.limit, used: warning.used, detail: `${warning.used} of ${warning.limit} runs were already used this month` };
    case 'storage':
      return { quota: 'max_storage_gb', limit: warning.limitGb, used: warning.usedGb, detail: `${warning.usedGb} of ${warning.limitGb} GB of storage were already in use` };
  }
}
