import type { PlanName, QuotaMode, QuotaName } from '../quotas/declarations.ts';
import { effectiveQuotas, limitsOf } from '../quotas/effective.ts';
import type { Plan } from '../quotas/plans.ts';
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
  /** Limits this customer has instead of its plan's. */
  readonly quota_overrides?: Partial<Record<QuotaName, number>>;
  /** Quotas set to `warn` (admit, log, say so) instead of `enforce`. */
  readonly quota_modes?: Partial<Record<QuotaName, QuotaMode>>;
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

/** What the API shows, in this order; everything else on the item is internal. */
const WIRE_FIELDS = [
  'customer_id',
  'customer_name',
  'status',
  'email',
  'display_name',
  'description',
  'contact_phone',
  'address',
  'logo_url',
  'settings',
  'plan',
  'billing_account_id',
  'cost_center',
  's3_bucket',
  'stack_name',
  'status_reason',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'activated_at',
  'offboarded_at',
] as const satisfies readonly (keyof CustomerItem)[];

export type Customer = Pick<CustomerItem, (typeof WIRE_FIELDS)[number]> &
  Record<QuotaName, number> & { readonly quota_overrides: Partial<Record<QuotaName, number>> };

/**
 * The wire form: snake_case as existing clients expect (`max_concurrent_worksets`,
 * `max_storage_gb`, ...: the effective limits, from the plan or an override),
 * internals removed, identity first.
 */
export function toCustomer(item: CustomerItem, plans: Readonly<Record<PlanName, Plan>>): Customer {
  const wire: Record<string, unknown> = {};
  for (const field of WIRE_FIELDS) if (item[field] !== undefined) wire[field] = item[field];
  const plan = plans[item.plan] ?? plans.standard;
  Object.assign(wire, limitsOf(effectiveQuotas(item, plan.quotas)), { quota_overrides: item.quota_overrides ?? {} });
  return wire as Customer;
}
