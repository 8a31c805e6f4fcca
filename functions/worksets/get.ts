import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { requireWorkset } from '#shared/workset-lifecycle/state-changes.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

export const handler = routeHandler('worksets.get', {}, async ({ params }) =>
  json(200, toWorksetView(await requireWorkset(params.customer_id, params.workset_id))),
);
