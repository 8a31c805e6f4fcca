import { customerViews } from '#shared/customers/views.ts';
import { listCustomers } from '#shared/customers/repository.ts';
import { listCustomersQuerySchema } from '#shared/customers/schemas.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.list', { query: listCustomersQuerySchema }, async ({ query }) => {
  const page = await listCustomers({
    limit: query.limit,
    ...(query.next_token ? { nextToken: query.next_token } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  return json(200, {
    customers: await customerViews(page.items),
    count: page.items.length,
    ...(page.nextToken ? { next_token: page.nextToken } : {}),
  });
});
