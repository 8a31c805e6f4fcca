import { countMembersByRole } from '../memberships/customer-members.ts';
import { readStorageUsage } from '../usage/storage-usage.ts';
import type { CustomerItem } from './customer.ts';

export interface CustomerStatistics {
  readonly customer_id: string;
  readonly status: string;
  readonly plan: string;
  readonly total_users: number;
  readonly admin_users: number;
  readonly member_users: number;
  readonly quotas: {
    readonly max_concurrent_worksets: number;
    readonly max_storage_gb: number;
    readonly max_monthly_runs: number;
  };
  readonly storage: {
    readonly storage_bytes: number;
    /** Held by uploads in progress, counted against the quota until they finish. */
    readonly reserved_bytes: number;
    readonly object_count: number;
    readonly storage_gb: number;
    readonly storage_utilization_percent: number;
  };
  readonly created_at: string;
  readonly activated_at: string | null;
  readonly days_since_onboarding: number;
}

export async function customerStatistics(customer: CustomerItem, now = new Date()): Promise<CustomerStatistics> {
  const [members, usage] = await Promise.all([countMembersByRole(customer.customer_id), readStorageUsage(customer.customer_id)]);
  const storageGb = usage.storage_bytes / 1024 ** 3;
  return {
    customer_id: customer.customer_id,
    status: customer.status,
    plan: customer.plan,
    total_users: members.admin + members.member,
    admin_users: members.admin,
    member_users: members.member,
    quotas: {
      max_concurrent_worksets: customer.max_concurrent_worksets,
      max_storage_gb: customer.max_storage_gb,
      max_monthly_runs: customer.max_monthly_runs,
    },
    storage: {
      storage_bytes: usage.storage_bytes,
      reserved_bytes: usage.reserved_bytes,
      object_count: usage.object_count,
      storage_gb: Math.round(storageGb * 100) / 100,
      storage_utilization_percent: Math.round((storageGb / customer.max_storage_gb) * 10_000) / 100,
    },
    created_at: customer.created_at,
    activated_at: customer.activated_at ?? null,
    days_since_onboarding: Math.floor((now.getTime() - Date.parse(customer.created_at)) / 86_400_000),
  };
}
