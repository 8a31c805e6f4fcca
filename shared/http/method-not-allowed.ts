import type { RouteDefinition } from '../routes/types.ts';

/**
 * The answer to a method a known path does not serve: 405 with an `Allow`
 * header. API Gateway gives it through a mock `ANY` method on each resource
 * (`lib/constructs/api.ts`); the local gateway gives the same.
 */
export const METHOD_NOT_ALLOWED = { status: 405, title: 'Method Not Allowed' } as const;

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods `path` (a route-table path such as `/customers/{customer_id}`)
 * serves: its routes' methods in a stable order, then OPTIONS, the CORS
 * preflight every resource answers. Empty when no route has that path.
 */
export function allowedMethods(routes: readonly RouteDefinition[], path: string): string[] {
  const served = routes.filter((route) => route.path === path).map((route) => route.method as string);
  if (served.length === 0) return [];
  const order = (method: string) => (METHOD_ORDER.includes(method) ? METHOD_ORDER.indexOf(method) : METHOD_ORDER.length);
  return [...new Set(served)].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).concat('OPTIONS');
}

/** The `Allow` header value (RFC 9110 §10.2.1). */
export function allowHeader(methods: readonly string[]): string {
  return methods.join(', ');
}

/** The problem detail, naming the refused method and the ones the path serves. */
export function methodNotAllowedDetail(method: string, methods: readonly string[]): string {
  return `The method ${method} is not allowed on this path; it serves ${allowHeader(methods)}.`;
}
