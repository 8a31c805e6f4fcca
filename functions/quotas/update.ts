import { routeHandler } from '#shared/api/route-handler.ts';
import { updateQuotas } from '#shared/customers/lifecycle.ts';
import { quotaReport } from '#shared/customers/statistics.ts';
import { quotasOf } from '#shared/customers/views.ts';
import { json } from '#shared/http/responses.ts';
import { quotasPatchSchema } from '#shared/quotas/schemas.ts';
import { readCounters } from '#shared/usage/counters.ts';

export const handler = routeHandler('quotas.update', { body: quotasPatchSchema }, async (request) => {
  const customer = await updateQuotas(request.params.customer_id, request.body, request);
  return json(200, quotaReport(customer, await quotasOf(customer), await readCounters(customer.customer_id)));
});
