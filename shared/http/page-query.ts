import * as z from 'zod';

/** `limit` and `next_token`, the query of every paginated listing. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(25),
  next_token: z.string().max(2048, 'is too long').optional(),
});
