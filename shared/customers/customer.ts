import type { PlanName } from './plans.ts';
import type { CustomerStatus } from './status.ts';

/** A customer as stored in the customers table. */
export interface CustomerItem {
  readonly customer_id: string;
  /** Same on every customer: the partition key of the `by-created` index. */
  readonly record_type: 'customer';
  readonly customer_name: string;
  readonly email: string;
  readonly display_name?: string;
  readonly description?: string;
  readonly contact_phone?: string;
  readonly address?: string;
  readonly logo_url?: string;
  readonly settings?: Record<string, unknown>;
  readonly plan: PlanName;
  readonly max_concurrent_worksets: number;
  readonly max_storage_gb: number;
  readonly max_monthly_runs: number;
  readonly billing_account_id: string;
  readonly cost_center: string;
  readonly s3_bucket: string;
  readonly stack_name: string;
  readonly status: CustomerStatus;
  /** Why the last lifecycle step failed, if it did. */
  readonly status_reason?: string;
  /** Client request token of the stack operation under way; status events must carry it. */
  readonly stack_operation_token?: string;
  readonly provision_attempt: number;
  /** Number of admin memberships, kept in step by membership transactions. */
  readonly admin_count?: number;
  readonly created_at: string;
  readonly created_by: string;
  readonly updated_at: string;
  readonly updated_by: string;
  readonly activated_at?: string;
  readonly offboarded_at?: string;
}

const INTERNAL_FIELDS = ['record_type', 'stack_operation_token', 'provision_attempt', 'admin_count'] as const;

export type Customer = Omit<CustomerItem, (typeof INTERNAL_FIELDS)[number]>;

/** The wire form: snake_case as existing clients expect, internals removed, identity first. */
export function toCustomer(item: CustomerItem): Customer {
  const { customer_id, customer_name, status, ...rest } = item;
  const copy: Record<string, unknown> = { customer_id, customer_name, status, ...rest };
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy as unknown as Customer;
}
