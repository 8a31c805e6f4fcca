import { mergeGrants, type Grants } from '../permissions/actions.ts';
import { routes, type RouteId } from './table.ts';
import type { RouteDefinition } from './types.ts';

export type { RouteId } from './table.ts';
export * from './types.ts';

export const routeTable: readonly RouteDefinition[] = routes;

const ACCESS_KINDS = new Set(['public', 'authenticated', 'platform-admin', 'service', 'customer']);

/**
 * Refuses a route table that could serve a route nobody thought about:
 * a missing access rule, a duplicate id or method+path, a customer rule on a
 * path without `{customer_id}`.
 */
export function assertRouteTable(table: readonly RouteDefinition[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  const endpoints = new Set<string>();
  for (const route of table) {
    const label = `${route.method} ${route.path}`;
    const access = (route as { access?: { kind?: string } }).access;
    if (!access || !ACCESS_KINDS.has(access.kind ?? '')) problems.push(`${label} has no access rule`);
    if (access?.kind === 'customer' && !route.path.includes('{customer_id}')) {
      problems.push(`${label} is customer-scoped but has no {customer_id} path parameter`);
    }
    if (ids.has(route.id)) problems.push(`route id ${route.id} is declared twice`);
    if (endpoints.has(label)) problems.push(`${label} is declared twice`);
    ids.add(route.id);
    endpoints.add(label);
  }
  if (problems.length > 0) throw new Error(`Invalid route table:\n- ${problems.join('\n- ')}`);
}

export function routeById(id: RouteId): RouteDefinition {
  const route = routeTable.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route;
}

/** The path parameters a route path declares, in order: `/a/{x}/b/{y}` → ['x', 'y']. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string);
}

/**
 * What the access guard itself calls, by access rule: customer-scoped routes
 * read the customer and the caller's membership and append denied attempts to
 * the audit trail, and count the request in the customer's month of usage
 * (billing's `api_requests`); routes open to platform admins confirm the
 * caller's group in the directory.
 */
const GUARD_GRANTS: Record<RouteDefinition['access']['kind'], Grants> = {
  public: { tables: {}, actions: [] },
  authenticated: { tables: {}, actions: [] },
  'platform-admin': { tables: {}, actions: ['cognito-idp:AdminListGroupsForUser'] },
  service: { tables: { customers: ['GetItem'] }, actions: ['cognito-idp:AdminListGroupsForUser'] },
  customer: {
    tables: { customers: ['GetItem'], memberships: ['GetItem'], audit: ['PutItem'], usage: ['UpdateItem'] },
    actions: ['cognito-idp:AdminListGroupsForUser'],
  },
};

/** Exactly what a route's function may call: what it declares plus what its access guard calls. */
export function grantsFor(route: RouteDefinition): Grants {
  return mergeGrants({ tables: route.tables, actions: route.actions ?? [], ...(route.buckets ? { buckets: route.buckets } : {}) }, GUARD_GRANTS[route.access.kind]);
}
