import * as z from 'zod';
import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { setWorksetState } from '#shared/workset-lifecycle/state-changes.ts';
import { WORKSET_STATES } from '#shared/workset-lifecycle/states.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

const body = z.strictObject({
  state: z.enum(WORKSET_STATES),
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});

export const handler = routeHandler('worksets.setState', { body }, async ({ params, customer, caller, body: { state, reason } }) =>
  json(200, toWorksetView(await setWorksetState(customer, params.workset_id, state, caller.userId, reason))),
);
