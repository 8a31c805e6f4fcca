import * as z from 'zod';
import { MAX_BATCH_SIZE } from './rollout-rule.ts';

/** `POST /admin/rollout`: an empty body, or a batch size for this rollout. */
export const startRolloutSchema = z
  .strictObject({
    batch_size: z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_BATCH_SIZE, `must be at most ${MAX_BATCH_SIZE}`)
      .optional(),
  })
  .optional()
  .transform((body) => body ?? {});
