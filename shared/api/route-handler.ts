import type { z } from 'zod';
import type { HttpResult } from '../http/responses.ts';
import type { RouteId } from '../routes/index.ts';
import { startCountingRequest } from '../usage/api-requests.ts';
import { authorize } from './access-guard.ts';
import { buildRouteHandler, type AccessCheck, type ApiRequest, type BodySpec, type Out, type RouteOptions } from './chain.ts';

export type { ApiRequest, GrantOf, PathParams } from './chain.ts';

const guarded: AccessCheck = {
  authorize,
  // A member's request counts towards the customer's usage (billing's api_requests) once the guard let it
  // through, whatever it answers; a platform admin's work on a customer does not (admins have no membership).
  admitted: (route, grant) => (route.access.kind === 'customer' && grant.membership ? startCountingRequest(grant.membership.customer_id) : undefined),
};

/**
 * The HTTP chain of a route (shared/api/chain.ts) behind the access guard,
 * which reads the directory, the customer and the caller's membership. Routes
 * open to anyone or any signed-in user can use `openRouteHandler` instead and
 * bundle none of that.
 */
export function routeHandler<Id extends RouteId, B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  routeId: Id,
  options: RouteOptions<B, Q>,
  handle: (request: ApiRequest<Id, Out<B>, Out<Q>>) => Promise<HttpResult>,
) {
  return buildRouteHandler(guarded, routeId, options, handle);
}
