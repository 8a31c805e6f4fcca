import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { customersOfUser } from '#shared/identity/profile.ts';

export const handler = routeHandler('users.customers', {}, async ({ params }) => {
  const userId = params.user_id;
  return json(200, { user_id: userId, customers: await customersOfUser(userId) });
});
