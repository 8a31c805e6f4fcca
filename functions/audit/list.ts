import { readAuditTrail } from '#shared/audit/audit-trail.ts';
import { pageQuerySchema } from '#shared/http/page-query.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('audit.list', { query: pageQuerySchema }, async ({ params, query }) => {
  const page = await readAuditTrail(params.customer_id, {
    limit: query.limit,
    ...(query.next_token ? { nextToken: query.next_token } : {}),
  });
  return json(200, { events: page.events, count: page.events.length, ...(page.nextToken ? { next_token: page.nextToken } : {}) });
});
