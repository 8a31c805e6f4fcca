import * as z from 'zod';
import { pageSchema } from '../http/response-schemas.ts';
import { PLAN_NAMES, QUOTAS } from '../quotas/declarations.ts';
import { quotaFields, quotaValuesSchema } from '../quotas/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { Customer } from './customer.ts';
import { CUSTOMER_ID_PATTERN } from './customer-id.ts';
import type { customerStatistics } from './statistics.ts';
import { CUSTOMER_STATUSES } from './status.ts';

export const customerIdSchema = z.string().regex(CUSTOMER_ID_PATTERN).meta({ description: 'A customer id: a slug of its name and 8 hex digits.' });

export const customerStatusSchema = z.enum(CUSTOMER_STATUSES).meta({
  id: 'CustomerStatus',
  description:
    'PROVISIONING (its stack is being created), PROVISION_FAILED, ACTIVE, INACTIVE (suspended: members read, writes refused), OFFBOARDING (its stack is being deleted), OFFBOARDED (the record and bucket are kept).',
});

const timestamp = (description: string) => z.iso.datetime().meta({ description });
/**
 * An address as the request schema accepted it. No `format: email`: JSON Schema
 * validators' email rule is narrower than the one requests are checked with,
 * so an address Portico accepted could fail it.
 */
export const emailSchema = z.string().meta({ description: 'An email address, as accepted when it was sent.' });

export const customerSchema = z
  .object({
    customer_id: customerIdSchema,
    customer_name: z.string(),
    status: customerStatusSchema,
    email: emailSchema,
    display_name: z.string().optional(),
    description: z.string().optional(),
    contact_phone: z.string().optional(),
    address: z.string().optional(),
    logo_url: z.string().optional().meta({ description: 'An https URL, as accepted when it was sent.' }),
    settings: z.record(z.string(), z.unknown()).optional().meta({ description: 'Free-form JSON object the customer keeps.' }),
    plan: z.enum(PLAN_NAMES),
    billing_account_id: z.string(),
    cost_center: z.string(),
    billing_email: emailSchema.optional().meta({ description: "Where the monthly AWS Budget alerts go (else `email`); an address as accepted when it was sent." }),
    monthly_budget_usd: z.number().min(0).optional().meta({ description: "The customer stack's monthly AWS Budget, in USD; absent: none." }),
    s3_bucket: z.string(),
    stack_name: z.string(),
    status_reason: z.string().optional().meta({ description: 'Why the last lifecycle step failed, if it did.' }),
    created_at: timestamp('When the customer was onboarded.'),
    created_by: z.string(),
    updated_at: timestamp('When the record last changed.'),
    updated_by: z.string(),
    activated_at: timestamp('When the customer was last re-activated.').optional(),
    offboarded_at: timestamp('When offboarding finished.').optional(),
    template_version: z.string().optional().meta({ description: 'Version of the customer template its stack last reached; absent: unknown.' }),
    stack_update_failure: z
      .object({ status: z.string(), reason: z.string(), at: z.string() })
      .optional()
      .meta({ description: 'The last stack update a PATCH started that failed, until a later one succeeds.' }),
    ...quotaFields((name) => z.int().meta({ description: `Effective limit (the plan's, or an override): ${QUOTAS[name].description} (${QUOTAS[name].unit}).` })),
    quota_overrides: z
      .object(quotaFields(() => z.int().optional()))
      .meta({ description: "The limits this customer has instead of its plan's; `{}` when it follows its plan." }),
    template_update: z
      .object({
        version: z.string(),
        state: z.enum(['updating', 'failed']),
        attempts: z.int().min(0),
        started_at: timestamp('When the last attempt was sent.'),
        reason: z.string().optional(),
        finished_at: timestamp('When the last attempt failed.').optional(),
      })
      .optional()
      .meta({ description: "A template rollout's update of the customer stack, in flight or failed." }),
  })
  .meta({ id: 'Customer', description: 'A customer, with its effective limits (from its plan, or its overrides).' });

export const customerListSchema = pageSchema('customers', customerSchema, 'One page of customers, newest first.');

export const customerStatisticsSchema = z
  .object({
    customer_id: customerIdSchema,
    status: customerStatusSchema,
    plan: z.enum(PLAN_NAMES),
    total_users: z.int().min(0),
    admin_users: z.int().min(0),
    member_users: z.int().min(0),
    quotas: quotaValuesSchema,
    worksets: z.object({ active_worksets: z.int().min(0), runs_this_month: z.int().min(0) }),
    storage: z.object({
      storage_bytes: z.number(),
      reserved_bytes: z.number(),
      object_count: z.number(),
      storage_gb: z.number().meta({ description: 'GiB, two decimals.' }),
      storage_utilization_percent: z.number().meta({ description: 'Of max_storage_gb, two decimals.' }),
    }),
    created_at: timestamp('When the customer was onboarded.'),
    activated_at: z.iso.datetime().nullable().meta({ description: 'When the customer was last re-activated; null if never.' }),
    days_since_onboarding: z.int(),
  })
  .meta({ id: 'CustomerStatistics', description: 'Members, quotas and their use for one customer.' });

const _customer: Describes<typeof customerSchema, Customer> = true;
const _statistics: Describes<typeof customerStatisticsSchema, Awaited<ReturnType<typeof customerStatistics>>> = true;
