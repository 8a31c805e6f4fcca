import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { cancelWorkset } from '#shared/workset-lifecycle/state-changes.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

export const handler = routeHandler('worksets.cancel', {}, async ({ params, caller }) =>
  json(200, toWorksetView(await cancelWorkset(params.customer_id, params.workset_id, caller.userId))),
);
