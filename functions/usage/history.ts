import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { readCounters } from '#shared/usage/counters.ts';
import { historyQuerySchema, usageHistory } from '#shared/usage/history.ts';
import { readMonths } from '#shared/usage/monthly.ts';

export const handler = routeHandler('usage.history', { query: historyQuerySchema }, async ({ customer, query }) => {
  const [months, counters] = await Promise.all([readMonths(customer.customer_id, query.from, query.to), readCounters(customer.customer_id)]);
  return json(200, usageHistory(customer.customer_id, query.from, query.to, months, counters));
});
