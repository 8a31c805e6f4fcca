import { routeHandler } from '#shared/api/route-handler.ts';
import { quotaReport } from '#shared/customers/statistics.ts';
import { quotasOf } from '#shared/customers/views.ts';
import { json } from '#shared/http/responses.ts';
import { readCounters } from '#shared/usage/counters.ts';

export const handler = routeHandler('quotas.get', {}, async ({ customer }) =>
  json(200, quotaReport(customer, await quotasOf(customer), await readCounters(customer.customer_id))),
);
