import * as z from 'zod';
import { customerIdSchema } from '../customers/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { monthFigures, usageHistory } from './history.ts';
import { PREFIX_CLASSES, type PrefixClass } from './prefix-class.ts';
import type { usageReport } from './usage-report.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH).meta({ description: 'A month, YYYY-MM (UTC).' });

const prefixUsageSchema = z.object({ bytes: z.number(), object_count: z.number() });

export const usageReportSchema = z
  .object({
    customer_id: customerIdSchema,
    storage_gb: z.number().meta({ description: 'Stored bytes in GiB, two decimals.' }),
    max_storage_gb: z.int().meta({ description: "The customer's storage limit, in GiB." }),
    storage_utilization_percent: z.number().meta({ description: 'storage_gb of max_storage_gb, in percent, two decimals.' }),
    storage_bytes: z.number(),
    object_count: z.number(),
    reserved_bytes: z.number().meta({ description: 'Bytes held by uploads in progress.' }),
    storage_by_prefix: z
      .object(Object.fromEntries(PREFIX_CLASSES.map((prefixClass) => [prefixClass, prefixUsageSchema])) as Record<PrefixClass, typeof prefixUsageSchema>)
      .meta({ description: "Stored bytes and objects by the bucket's first folder: uploads, worksets, results, anything else." }),
    active_worksets: z.int().min(0),
    max_concurrent_worksets: z.int(),
    month,
    runs_this_month: z.int().min(0),
    max_runs_per_month: z.int(),
    as_of: z.iso.datetime().meta({ description: 'When this answer was computed.' }),
    counts_updated_at: z.string().nullable().meta({ description: 'When the counts last moved; null if they never did.' }),
    last_reconciled: z
      .object({
        at: z.string(),
        day: z.string().meta({ description: 'The day whose CloudWatch storage metric the counts were checked against.' }),
        drift_bytes: z.number().meta({ description: 'How far the counts were off, corrected.' }),
      })
      .nullable()
      .meta({ description: 'The last reconciliation of the counts with CloudWatch; null if none yet.' }),
  })
  .meta({ id: 'Usage', description: "A customer's usage now, against its limits, from its counter item." });

const monthUsageSchema = z
  .object({
    month,
    storage_gb_month: z.number().meta({ description: 'GiB-months stored, four decimals.' }),
    storage_sampled_days: z.int().min(0),
    runs: z.int().min(0),
    completed_worksets: z.int().min(0),
    compute_hours: z.number().meta({ description: 'Four decimals.' }),
    api_requests: z.int().min(0),
  })
  .meta({ id: 'MonthUsage', description: 'One month of usage; a month with nothing recorded answers zeros.' });

export const usageHistorySchema = z
  .object({ customer_id: customerIdSchema, from: month, to: month, months: z.array(monthUsageSchema).meta({ description: 'Every month from `from` to `to`, oldest first.' }) })
  .meta({ id: 'UsageHistory', description: 'Usage per month.' });

const _usage: Describes<typeof usageReportSchema, ReturnType<typeof usageReport>> = true;
const _month: Describes<typeof monthUsageSchema, ReturnType<typeof monthFigures>> = true;
const _history: Describes<typeof usageHistorySchema, ReturnType<typeof usageHistory>> = true;
