import type { TableName } from '../tables/definitions.ts';
import { routes, type RouteId } from './table.ts';
import type { RouteDefinition, TableAccess } from './types.ts';

export type { RouteId } from './table.ts';
export * from './types.ts';

export const routeTable: readonly RouteDefinition[] = routes;

const ACCESS_KINDS = new Set(['public', 'authenticated', 'platform-admin', 'customer']);

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
 * The tables a route's function may touch: what it declares, plus what the
 * access guard needs for customer-scoped routes (the customer, the caller's
 * membership, and the audit table where denied attempts are recorded).
 */
export function tablesFor(route: RouteDefinition): Partial<Record<TableName, TableAccess>> {
  const tables: Partial<Record<TableName, TableAccess>> = { ...route.tables };
  if (route.access.kind === 'customer') {
    const guard: Partial<Record<TableName, TableAccess>> = { customers: 'read', memberships: 'read', audit: 'readwrite' };
    for (const [table, access] of Object.entries(guard) as [TableName, TableAccess][]) {
      if (tables[table] !== 'readwrite') tables[table] = access === 'readwrite' ? 'readwrite' : (tables[table] ?? access);
    }
  }
  return tables;
}
