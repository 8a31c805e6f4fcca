import { UnauthorizedError } from '../http/errors.ts';
import type { RouteDefinition } from '../routes/types.ts';
import type { AccessGrant } from './access-guard.ts';
import type { Caller } from './caller.ts';

/** Access rules decided from the request alone: no directory, customer or membership lookup. */
export type OpenAccessKind = 'public' | 'authenticated';

export function isOpenAccess(route: RouteDefinition): boolean {
  return route.access.kind === 'public' || route.access.kind === 'authenticated';
}

/**
 * `public` lets anyone in; `authenticated` anyone the authorizer signed in.
 * Any other rule needs the access guard, and is refused here.
 */
export async function authorizeOpen({ route, caller }: { readonly route: RouteDefinition; readonly caller: Caller | undefined }): Promise<AccessGrant> {
  if (!isOpenAccess(route)) throw new Error(`Route ${route.id} (${route.access.kind}) needs the access guard`);
  if (route.access.kind === 'authenticated' && !caller) throw new UnauthorizedError();
  return { platformAdmin: false };
}
