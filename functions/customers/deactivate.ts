import { customerView } from '#shared/customers/views.ts';
import { setCustomerActive } from '#shared/customers/lifecycle.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.deactivate', {}, async (request) => {
  const customer = await setCustomerActive(request.params.customer_id, false, request);
  return json(200, await customerView(customer));
});
