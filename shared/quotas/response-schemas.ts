import * as z from 'zod';
import type { Describes } from '../validation/describes.ts';
import { PLAN_NAMES, QUOTA_NAMES, QUOTAS, type QuotaName } from './declarations.ts';
import type { quotaReport } from '../customers/statistics.ts';
import type { plansView, toPlanView } from './plan-views.ts';

/** One field per declared quota, each made by `make`. */
export function quotaFields<T extends z.ZodType>(make: (name: QuotaName) => T): { [Name in QuotaName]: T } {
  return Object.fromEntries(QUOTA_NAMES.map((name) => [name, make(name)])) as { [Name in QuotaName]: T };
}

const limit = (name: QuotaName) => z.int().meta({ description: `${QUOTAS[name].description} (${QUOTAS[name].unit})` });

/** A limit for every quota: a plan's, or a customer's effective ones. */
export const quotaValuesSchema = z.object(quotaFields(limit)).meta({ id: 'QuotaValues', description: 'A limit for every quota.' });

const quotaNameSchema = z.enum(QUOTA_NAMES).meta({ id: 'QuotaName', description: 'A quota Portico declares.' });

export const planSchema = z
  .object({
    plan_id: z.enum(PLAN_NAMES),
    quotas: quotaValuesSchema,
    source: z.enum(['declared', 'edited']).meta({ description: '`declared` until a platform admin edits the plan.' }),
    updated_at: z.iso.datetime().optional().meta({ description: 'When a platform admin last edited the plan (edited plans only).' }),
    updated_by: z.string().optional().meta({ description: 'Who last edited the plan (edited plans only).' }),
  })
  .meta({ id: 'Plan', description: 'A plan and the limit it gives for every quota.' });

const quotaCatalogEntrySchema = z
  .object({
    quota: quotaNameSchema,
    unit: z.string(),
    description: z.string(),
    min: z.number(),
    max: z.number(),
    enforced_at: z.string(),
    warnable: z.boolean().meta({ description: 'Whether a customer may have it in `warn` mode.' }),
  })
  .meta({ id: 'QuotaDeclaration', description: 'A quota as declared: its unit, bounds and where it is enforced.' });

export const plansListSchema = z
  .object({ plans: z.array(planSchema), quotas: z.array(quotaCatalogEntrySchema) })
  .meta({ description: 'Every plan, and every quota the limits refer to.' });

const quotaStatusSchema = z
  .object({
    quota: quotaNameSchema,
    unit: z.string(),
    description: z.string(),
    limit: z.number(),
    used: z.number().nullable().meta({ description: 'Use now; null where Portico does not count it (rates, per-workset limits).' }),
    remaining: z.number().min(0).nullable().meta({ description: 'limit - used, at least 0; null where use is not counted.' }),
    source: z.enum(['plan', 'override']),
    mode: z.enum(['enforce', 'warn']),
    enforced_at: z.string(),
  })
  .meta({ id: 'QuotaStatus', description: "One quota of a customer: limit, use, where the limit comes from and how it is enforced." });

export const quotaReportSchema = z
  .object({
    customer_id: z.string(),
    plan: z.enum(PLAN_NAMES),
    quotas: z.array(quotaStatusSchema).meta({ description: 'Every declared quota, in declaration order.' }),
  })
  .meta({ id: 'QuotaReport', description: "A customer's quotas." });

const _plan: Describes<typeof planSchema, ReturnType<typeof toPlanView>> = true;
const _plans: Describes<typeof plansListSchema, ReturnType<typeof plansView>> = true;
const _report: Describes<typeof quotaReportSchema, ReturnType<typeof quotaReport>> = true;
const _status: Describes<typeof quotaStatusSchema, ReturnType<typeof quotaReport>['quotas'][number]> = true;
