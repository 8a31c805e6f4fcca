import { routeHandler } from '#shared/api/route-handler.ts';
import { quotasOf } from '#shared/customers/views.ts';
import { json } from '#shared/http/responses.ts';
import { readCounters } from '#shared/usage/counters.ts';
import { usageReport } from '#shared/usage/usage-report.ts';

export const handler = routeHandler('usage.get', {}, async ({ customer }) => {
  const [quotas, counters] = await Promise.all([quotasOf(customer), readCounters(customer.customer_id)]);
  return json(200, usageReport(customer, quotas, counters, new Date()));
});
