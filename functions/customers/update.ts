import { customerView } from '#shared/customers/views.ts';
import { updateCustomer } from '#shared/customers/lifecycle.ts';
import { updateCustomerSchema } from '#shared/customers/schemas.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.update', { body: updateCustomerSchema }, async (request) => {
  const customer = await updateCustomer(request.params.customer_id, request.body, request);
  return json(200, await customerView(customer));
});
