import { countMembersByRole } from '../memberships/customer-members.ts';
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
  readonly created_at: string;
  readonly activated_at: string | null;
  readonly days_since_onboarding: number;
}

export async function customerStatistics(customer: CustomerItem, now = new Date()): Promise<CustomerStatistics> {
  const members = await countMembersByRole(customer.customer_id);
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
    created_at: customer.created_at,
    activated_at: customer.activated_at ?? null,
    days_since_onboarding: Math.floor((now.getTime() - Date.parse(customer.created_at)) / 86_400_000),
  };
}
