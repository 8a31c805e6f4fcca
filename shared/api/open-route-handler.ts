import type { z } from 'zod';
import type { HttpResult } from '../http/responses.ts';
import { routeById } from '../routes/index.ts';
import type { routes } from '../routes/table.ts';
import { buildRouteHandler, type ApiRequest, type BodySpec, type Out, type RouteOptions } from './chain.ts';
import { authorizeOpen, isOpenAccess, type OpenAccessKind } from './open-access.ts';

/** Routes anyone, or any signed-in user, may call. */
export type OpenRouteId = Extract<(typeof routes)[number], { readonly access: { readonly kind: OpenAccessKind } }>['id'];

/**
 * The same HTTP chain as `routeHandler`, for `public` and `authenticated`
 * routes: their access rule needs no lookup, so the function bundles none of
 * the access guard's DynamoDB and Cognito clients, only what it calls itself.
 */
export function openRouteHandler<Id extends OpenRouteId, B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  routeId: Id,
  options: RouteOptions<B, Q>,
  handle: (request: ApiRequest<Id, Out<B>, Out<Q>>) => Promise<HttpResult>,
) {
  if (!isOpenAccess(routeById(routeId))) throw new Error(`Route ${routeId} is not open: serve it with routeHandler`);
  return buildRouteHandler({ authorize: authorizeOpen }, routeId, options, handle);
}
