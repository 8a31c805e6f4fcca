import { pageQuerySchema } from '#shared/http/page-query.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/http/route-handler.ts';
import { listCustomerMembers } from '#shared/memberships/repository.ts';
import { toMember } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.list', { query: pageQuerySchema }, async ({ params, query }) => {
  const page = await listCustomerMembers(params.customer_id as string, {
    limit: query.limit,
    ...(query.next_token ? { nextToken: query.next_token } : {}),
  });
  return json(200, { users: page.items.map(toMember), count: page.items.length, ...(page.nextToken ? { next_token: page.nextToken } : {}) });
});
