import { noContent } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { removeMember } from '#shared/memberships/member-management.ts';

export const handler = routeHandler('memberships.remove', {}, async (request) => {
  await removeMember(request.params.customer_id, request.params.user_id, request);
  return noContent();
});
