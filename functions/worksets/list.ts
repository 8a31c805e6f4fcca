import * as z from 'zod';
import { routeHandler } from '#shared/api/route-handler.ts';
import { pageQuerySchema } from '#shared/http/page-query.ts';
import { json } from '#shared/http/responses.ts';
import { listWorksets } from '#shared/workset-lifecycle/repository.ts';
import { WORKSET_STATES } from '#shared/workset-lifecycle/states.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';

const query = pageQuerySchema.extend({ state: z.enum(WORKSET_STATES).optional() });

export const handler = routeHandler('worksets.list', { query }, async ({ params, query: { limit, next_token, state } }) => {
  const page = await listWorksets(params.customer_id, { limit, ...(next_token ? { nextToken: next_token } : {}), ...(state ? { state } : {}) });
  const worksets = page.items.map(toWorksetView);
  return json(200, { worksets, count: worksets.length, ...(page.nextToken ? { next_token: page.nextToken } : {}) });
});
