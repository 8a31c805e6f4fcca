import { customerStatistics } from '#shared/customers/statistics.ts';
import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';

export const handler = routeHandler('customers.statistics', {}, async ({ customer }) =>
  json(200, await customerStatistics(customer)),
);
