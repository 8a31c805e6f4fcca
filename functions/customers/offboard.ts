import { customerView } from '#shared/customers/views.ts';
import { offboardCustomer } from '#shared/customers/lifecycle.ts';
import { offboardQuerySchema } from '#shared/customers/schemas.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.offboard', { query: offboardQuerySchema }, async (request) => {
  const customer = await offboardCustomer(request.params.customer_id, request.query.confirm, request);
  return json(202, await customerView(customer));
});
