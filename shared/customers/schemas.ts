import * as z from 'zod';
import { pageQuerySchema } from '../http/page-query.ts';
import { jsonValueProblem } from '../validation/json-value.ts';
import { PLAN_NAMES } from '../quotas/declarations.ts';
import { quotaOverrideFields, quotaPatchFields } from '../quotas/schemas.ts';
import { CUSTOMER_STATUSES } from './status.ts';

const noControlChars = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(noControlChars, 'must not contain control characters');

/** Billing identifiers become AWS tag values and CloudFormation parameters. */
const billingCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/=+@-]{0,63}$/, 'must be 1-64 letters, digits or . _ : / = + @ -, starting with a letter or digit');

// Checked on the value as parsed from JSON (a record schema would copy it, and
// copying a `__proto__` key changes the copy's prototype instead).
const settings = z
  .unknown()
  .superRefine((value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      context.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return;
    }
    const problem = jsonValueProblem(value, '', 1);
    if (problem) {
      context.addIssue({ code: 'custom', message: problem.message, path: problem.path.split('.').filter(Boolean) });
    } else if (JSON.stringify(value).length > 8192) {
      context.addIssue({ code: 'custom', message: 'must serialize to at most 8192 characters' });
    }
  })
  .transform((value) => value as Record<string, unknown>);

/** Fields every customer has; `POST /customers` must send all of them. */
const requiredFields = {
  customer_name: text(100),
  email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  billing_account_id: billingCode,
  cost_center: billingCode,
};

/** Fields a customer may have; `PATCH` may clear them with null. */
const optionalFields = {
  display_name: text(100),
  description: text(1000),
  contact_phone: z.string().regex(/^\+?[0-9][0-9 ().-]{5,24}$/, 'must be a phone number such as +1 555 0100'),
  address: text(500),
  logo_url: z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2048, 'must be at most 2048 characters'),
  settings,
  /** Where the optional monthly AWS Budget alerts go (default: the customer's email). */
  billing_email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  /** A monthly AWS Budget on the customer's tagged costs, in USD; 0 or absent: none. */
  monthly_budget_usd: z
    .number('must be a number')
    .min(0, 'must be at least 0')
    .max(10_000_000, 'must be at most 10000000')
    // 1e-200 passes the bounds, and DynamoDB refuses to store it.
    .refine((amount) => jsonValueProblem(amount, '') === undefined, 'must be 0 or at least 1e-100'),
};

/** Onboarding: the profile, a plan (default standard), and quota fields that override the plan's. */
export const createCustomerSchema = z.strictObject({
  ...requiredFields,
  plan: z.enum(PLAN_NAMES).optional(),
  ...quotaOverrideFields,
  display_name: optionalFields.display_name.optional(),
  description: optionalFields.description.optional(),
  contact_phone: optionalFields.contact_phone.optional(),
  address: optionalFields.address.optional(),
  logo_url: optionalFields.logo_url.optional(),
  settings: optionalFields.settings.optional(),
  billing_email: optionalFields.billing_email.optional(),
  monthly_budget_usd: optionalFields.monthly_budget_usd.optional(),
});

export type CreateCustomerRequest = z.output<typeof createCustomerSchema>;

/** JSON merge patch (RFC 7396): absent = unchanged, null = cleared (optional fields only). */
export const updateCustomerSchema = z
  .strictObject({
    customer_name: requiredFields.customer_name.optional(),
    email: requiredFields.email.optional(),
    // A number overrides the plan's limit; null goes back to the plan's.
    ...quotaPatchFields,
    billing_account_id: billingCode.optional(),
    cost_center: billingCode.optional(),
    plan: z.enum(PLAN_NAMES).optional(),
    display_name: optionalFields.display_name.nullable().optional(),
    description: optionalFields.description.nullable().optional(),
    contact_phone: optionalFields.contact_phone.nullable().optional(),
    address: optionalFields.address.nullable().optional(),
    logo_url: optionalFields.logo_url.nullable().optional(),
    settings: optionalFields.settings.nullable().optional(),
    billing_email: optionalFields.billing_email.nullable().optional(),
    monthly_budget_usd: optionalFields.monthly_budget_usd.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

export type UpdateCustomerRequest = z.output<typeof updateCustomerSchema>;

export const listCustomersQuerySchema = pageQuerySchema.extend({ status: z.enum(CUSTOMER_STATUSES).optional() });

export const offboardQuerySchema = z.strictObject({
  confirm: z.string().min(1, 'must repeat the customer id'),
});
