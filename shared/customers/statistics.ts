import { countMembersByRole } from '../memberships/customer-members.ts';
import { QUOTAS, type QuotaName } from '../quotas/declarations.ts';
import type { EffectiveQuotas } from '../quotas/effective.ts';
import { monthOf, readCounters, type Counters } from '../usage/counters.ts';
import type { CustomerItem } from './customer.ts';
import { quotasOf } from './views.ts';

import { GIB } from '../usage/units.ts';

/** How much of each quota is used now, from the counter item; undefined where Portico does not count it (rates, per-workset limits). */
export function usedOf(counters: Counters, now: Date): Partial<Record<QuotaName, number>> {
  return {
    max_concurrent_worksets: Object.keys(counters.holders).length,
    max_runs_per_month: counters.runs(monthOf(now)),
    max_storage_gb: Math.round((counters.storage_bytes / GIB) * 100) / 100,
  };
}

/** Each quota with its limit, use, source, mode and where it is enforced: the quotas API's answer. */
export function quotaReport(customer: CustomerItem, quotas: EffectiveQuotas, counters: Counters, now = new Date()) {
  const used = usedOf(counters, now);
  return {
    customer_id: customer.customer_id,
    plan: customer.plan,
    quotas: (Object.keys(QUOTAS) as QuotaName[]).map((name) => {
      const { limit, source, mode } = quotas[name];
      const usedNow = used[name];
      return {
        quota: name,
        unit: QUOTAS[name].unit,
        description: QUOTAS[name].description,
        limit,
        used: usedNow ?? null,
        remaining: usedNow === undefined ? null : Math.max(0, Math.round((limit - usedNow) * 100) / 100),
        source,
        mode,
        enforced_at: QUOTAS[name].enforcedAt,
      };
    }),
  };
}

export async function customerStatistics(customer: CustomerItem, now = new Date()) {
  const [members, counters, quotas] = await Promise.all([countMembersByRole(customer.customer_id), readCounters(customer.customer_id), quotasOf(customer)]);
  const storageGb = counters.storage_bytes / GIB;
  const maxStorageGb = quotas.max_storage_gb.limit;
  return {
    customer_id: customer.customer_id,
    status: customer.status,
    plan: customer.plan,
    total_users: members.admin + members.member,
    admin_users: members.admin,
    member_users: members.member,
    quotas: Object.fromEntries((Object.keys(QUOTAS) as QuotaName[]).map((name) => [name, quotas[name].limit])),
    worksets: {
      active_worksets: Object.keys(counters.holders).length,
      runs_this_month: counters.runs(monthOf(now)),
    },
    storage: {
      storage_bytes: counters.storage_bytes,
      reserved_bytes: counters.reserved_bytes,
      object_count: counters.object_count,
      storage_gb: Math.round(storageGb * 100) / 100,
      storage_utilization_percent: Math.round((storageGb / maxStorageGb) * 10_000) / 100,
    },
    created_at: customer.created_at,
    activated_at: customer.activated_at ?? null,
    days_since_onboarding: Math.floor((now.getTime() - Date.parse(customer.created_at)) / 86_400_000),
  };
}
