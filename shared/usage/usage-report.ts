import type { CustomerItem } from '../customers/customer.ts';
import type { EffectiveQuotas } from '../quotas/effective.ts';
import { monthOf, type Counters } from './counters.ts';
import { PREFIX_CLASSES } from './prefix-class.ts';
import { toGb } from './units.ts';

/**
 * `GET /customers/{id}/usage`: the fields the Daylily clients read
 * (`customer_id`, `storage_gb`, `max_storage_gb`, `storage_utilization_percent`)
 * and what Portico counts besides, all from the counter item and the
 * customer's quotas: no listing of the bucket, whatever it holds.
 */
export function usageReport(customer: CustomerItem, quotas: EffectiveQuotas, counters: Counters, now: Date) {
  const maxStorageGb = quotas.max_storage_gb.limit;
  const month = monthOf(now);
  const utilization = maxStorageGb > 0 ? (toGb(counters.storage_bytes) / maxStorageGb) * 100 : 0;
  return {
    customer_id: customer.customer_id,
    storage_gb: toGb(counters.storage_bytes),
    max_storage_gb: maxStorageGb,
    storage_utilization_percent: Math.round(utilization * 100) / 100,
    storage_bytes: counters.storage_bytes,
    object_count: counters.object_count,
    reserved_bytes: counters.reserved_bytes,
    storage_by_prefix: Object.fromEntries(
      PREFIX_CLASSES.map((prefixClass) => [prefixClass, { bytes: counters.byClass[prefixClass].bytes, object_count: counters.byClass[prefixClass].objects }]),
    ),
    active_worksets: Object.keys(counters.holders).length,
    max_concurrent_worksets: quotas.max_concurrent_worksets.limit,
    month,
    runs_this_month: counters.runs(month),
    max_runs_per_month: quotas.max_runs_per_month.limit,
    as_of: now.toISOString(),
    counts_updated_at: counters.updated_at ?? null,
    last_reconciled: counters.reconciled ?? null,
  };
}
