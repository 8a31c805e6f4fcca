import { toCustomer } from '#shared/customers/customer.ts';
import { offboardCustomer } from '#shared/customers/lifecycle.ts';
import { offboardQuerySchema } from '#shared/customers/schemas.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/http/route-handler.ts';

export const handler = routeHandler('customers.offboard', { query: offboardQuerySchema }, async (request) => {
  const customer = await offboardCustomer(request.params.customer_id as string, request.query.confirm, request);
  return json(202, toCustomer(customer));
});
