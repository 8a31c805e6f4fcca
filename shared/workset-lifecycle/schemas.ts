import * as z from 'zod';
import { pageQuerySchema } from '../http/page-query.ts';
import { WORKSET_STATES } from './states.ts';

/** `GET /customers/{id}/worksets`: a page, optionally one state. */
export const worksetListQuerySchema = pageQuerySchema.extend({ state: z.enum(WORKSET_STATES).optional() });

/** `PUT /customers/{id}/worksets/{workset_id}/state`: the state to move to, and why. */
export const setStateBodySchema = z.strictObject({
  state: z.enum(WORKSET_STATES),
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});
