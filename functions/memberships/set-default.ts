import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { setDefaultCustomer } from '#shared/memberships/member-management.ts';
import { toMember } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.setDefault', {}, async (request) => {
  const membership = await setDefaultCustomer(request.params.customer_id, request.params.user_id, request);
  return json(200, toMember(membership, true));
});
