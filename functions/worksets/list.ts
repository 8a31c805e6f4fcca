import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { listWorksets } from '#shared/workset-lifecycle/repository.ts';
import { worksetListQuerySchema } from '#shared/workset-lifecycle/schemas.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

export const handler = routeHandler('worksets.list', { query: worksetListQuerySchema }, async ({ params, query: { limit, next_token, state } }) => {
  const page = await listWorksets(params.customer_id, { limit, ...(next_token ? { nextToken: next_token } : {}), ...(state ? { state } : {}) });
  const worksets = page.items.map(toWorksetView);
  return json(200, { worksets, count: worksets.length, ...(page.nextToken ? { next_token: page.nextToken } : {}) });
});
