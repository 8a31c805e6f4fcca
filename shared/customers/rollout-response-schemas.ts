import * as z from 'zod';
import type { Describes } from '../validation/describes.ts';
import { customerIdSchema } from './response-schemas.ts';
import type { RolloutProgress } from './rollout.ts';

const stateCount = z.int().min(0);

export const rolloutProgressSchema = z
  .object({
    target_version: z.string().meta({ description: 'The customer-template version in force.' }),
    state: z.enum(['not_started', 'in_progress', 'complete', 'complete_with_failures']),
    started_at: z.iso.datetime().optional(),
    started_by: z.string().optional(),
    completed_at: z.iso.datetime().optional(),
    last_advanced_at: z.iso.datetime().optional(),
    batch_size: z.int().min(1),
    max_attempts: z.int().min(1),
    counts: z
      .object({ up_to_date: stateCount, updating: stateCount, failed: stateCount, waiting: stateCount, skipped: stateCount })
      .meta({ description: 'Customers not offboarded, by where their stack stands (skipped: not ACTIVE).' }),
    failed: z.array(z.object({ customer_id: customerIdSchema, reason: z.string(), attempts: z.int().min(1), will_retry: z.boolean() })),
    skipped_by_status: z.record(z.string(), z.int().min(0)).meta({ description: 'Skipped customers per status.' }),
  })
  .meta({ id: 'RolloutProgress', description: "Where every customer's stack stands against the customer template in force." });

export const rolloutStartedSchema = rolloutProgressSchema
  .extend({ started: z.boolean().meta({ description: 'True when this request recorded the rollout; false when it continued one.' }) })
  .meta({ id: 'RolloutStarted', description: 'The rollout after this request advanced it by one batch.' });

const _progress: Describes<typeof rolloutProgressSchema, RolloutProgress> = true;
const _started: Describes<typeof rolloutStartedSchema, RolloutProgress & { readonly started: boolean }> = true;
