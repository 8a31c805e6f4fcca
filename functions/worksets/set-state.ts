import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { setStateBodySchema } from '#shared/workset-lifecycle/schemas.ts';
import { setWorksetState } from '#shared/workset-lifecycle/state-changes.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

export const handler = routeHandler('worksets.setState', { body: setStateBodySchema }, async ({ params, customer, caller, body: { state, reason } }) =>
  json(200, toWorksetView(await setWorksetState(customer, params.workset_id, state, caller.userId, reason))),
);
