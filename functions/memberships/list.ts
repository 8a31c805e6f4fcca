import { pageQuerySchema } from '#shared/http/page-query.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { listCustomerMembers } from '#shared/memberships/repository.ts';
import { toMembers } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.list', { query: pageQuerySchema }, async ({ params, query }) => {
  const page = await listCustomerMembers(params.customer_id, {
    limit: query.limit,
    ...(query.next_token ? { nextToken: query.next_token } : {}),
  });
  const users = await toMembers(page.items);
  return json(200, { users, count: users.length, ...(page.nextToken ? { next_token: page.nextToken } : {}) });
});
