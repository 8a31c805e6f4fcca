import type { PlanName, QuotaMode, QuotaName } from '../quotas/declarations.ts';
import { effectiveQuotas, limitsOf } from '../quotas/effective.ts';
import type { Plan } from '../quotas/plans.ts';
import { isCreateToken } from './rollout-rule.ts';
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
  /** Where the customer's monthly AWS Budget alerts go (else `email`). */
  readonly billing_email?: string;
  /** The customer stack's monthly AWS Budget, in USD; absent or 0: none. */
  readonly monthly_budget_usd?: number;
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
  /** Version of the customer template the stack last reached (confirmed by CREATE_COMPLETE / UPDATE_COMPLETE); absent: unknown, behind. */
  readonly template_version?: string;
  /** The stack operation that brings the stack to a template version: a create, or a rollout's update. */
  readonly template_update?: TemplateUpdate;
  /** The last PATCH-driven stack update that failed, until a later one succeeds. */
  readonly stack_update_failure?: { readonly status: string; readonly reason: string; readonly at: string };
  /** Time (ms, from its token) of the last PATCH-driven stack update whose outcome was applied: older events change nothing. */
  readonly stack_update_seen_ms?: number;
}

/** A stack operation towards a template version, kept on the customer until its outcome is known. */
export interface TemplateUpdate {
  /** Client request token of the operation; its status events must carry it. */
  readonly token: string;
  /** The template version it brings the stack to. */
  readonly version: string;
  readonly state: 'updating' | 'failed';
  /** Rollout updates sent towards `version` so far (0 for a create). */
  readonly attempts: number;
  readonly started_at: string;
  /** Why the last attempt failed. */
  readonly reason?: string;
  readonly finished_at?: string;
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
  'billing_email',
  'monthly_budget_usd',
  's3_bucket',
  'stack_name',
  'status_reason',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'activated_at',
  'offboarded_at',
  'template_version',
  'stack_update_failure',
] as const satisfies readonly (keyof CustomerItem)[];

export type Customer = Pick<CustomerItem, (typeof WIRE_FIELDS)[number]> &
  Record<QuotaName, number> & {
    readonly quota_overrides: Partial<Record<QuotaName, number>>;
    readonly template_update?: Omit<TemplateUpdate, 'token'>;
  };

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
  // A rollout's update in flight or failed; the token is internal.
  const update = item.template_update;
  if (update && !isCreateToken(update.token)) {
    wire.template_update = {
      version: update.version,
      state: update.state,
      attempts: update.attempts,
      started_at: update.started_at,
      ...(update.reason ? { reason: update.reason } : {}),
      ...(update.finished_at ? { finished_at: update.finished_at } : {}),
    };
  }
  return wire as Customer;
}
