import { customerView } from '#shared/customers/views.ts';
import { retryProvisioning } from '#shared/customers/lifecycle.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.provision', {}, async (request) => {
  const customer = await retryProvisioning(request.params.customer_id, request);
  return json(202, await customerView(customer));
});
