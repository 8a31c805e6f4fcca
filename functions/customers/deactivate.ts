import { toCustomer } from '#shared/customers/customer.ts';
import { setCustomerActive } from '#shared/customers/lifecycle.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/http/route-handler.ts';

export const handler = routeHandler('customers.deactivate', {}, async (request) => {
  const customer = await setCustomerActive(request.params.customer_id as string, false, request);
  return json(200, toCustomer(customer));
});
