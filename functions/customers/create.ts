import { customerView } from '#shared/customers/views.ts';
import { onboardCustomer } from '#shared/customers/onboarding.ts';
import { createCustomerSchema } from '#shared/customers/schemas.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.create', { body: createCustomerSchema }, async (request) => {
  const { customer, replayed } = await onboardCustomer({
    input: request.body,
    rawBody: request.rawBody,
    caller: request.caller,
    idempotencyHeader: request.header('idempotency-key'),
    requestId: request.requestId,
  });
  return json(202, await customerView(customer), {
    Location: `/customers/${customer.customer_id}`,
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
});
