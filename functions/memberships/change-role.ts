import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/http/route-handler.ts';
import { changeMemberRole } from '#shared/memberships/member-management.ts';
import { changeRoleSchema } from '#shared/memberships/schemas.ts';
import { toMember } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.changeRole', { body: changeRoleSchema }, async (request) => {
  const membership = await changeMemberRole(request.params.customer_id as string, request.params.user_id as string, request.body.role, request);
  return json(200, toMember(membership));
});
