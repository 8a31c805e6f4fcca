import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/http/route-handler.ts';
import { addMember } from '#shared/memberships/member-management.ts';
import { addMemberSchema } from '#shared/memberships/schemas.ts';
import { toMember } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.add', { body: addMemberSchema }, async (request) => {
  const customerId = request.params.customer_id as string;
  const { membership, invited } = await addMember(customerId, request.body, request);
  return json(201, { ...toMember(membership), invited }, { Location: `/customers/${customerId}/users/${membership.user_id}` });
});
