import { customerView } from '#shared/customers/views.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

// The access guard has already loaded the customer for this route.
export const handler = routeHandler('customers.get', {}, async ({ customer }) =>
  json(200, await customerView(customer)),
);
