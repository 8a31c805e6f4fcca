import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { changeMemberRole } from '#shared/memberships/member-management.ts';
import { changeRoleSchema } from '#shared/memberships/schemas.ts';
import { toMembers } from '#shared/memberships/wire.ts';

export const handler = routeHandler('memberships.changeRole', { body: changeRoleSchema }, async (request) => {
  const membership = await changeMemberRole(request.params.customer_id, request.params.user_id, request.body.role, request);
  const [member] = await toMembers([membership]);
  return json(200, member);
});
