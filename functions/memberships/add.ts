import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { addMember } from '#shared/memberships/member-management.ts';
import { addMemberSchema } from '#shared/memberships/schemas.ts';
import { toMember } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.add', { body: addMemberSchema }, async (request) => {
  const { membership, isDefault } = await addMember(request.params.customer_id, request.body, request);
  return json(201, toMember(membership, isDefault), { Location: `/customers/${request.params.customer_id}/users/${membership.user_id}` });
});
