import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertRouteTable, pathParameters, routeTable, type RouteDefinition } from '#shared/routes/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const customerRoute = routeTable.find((r) => r.access.kind === 'customer') as RouteDefinition;
const publicRoute = routeTable.find((r) => r.access.kind === 'public') as RouteDefinition;

/** A copy of the table with `index` replaced by `route`. */
const withRoute = (route: RouteDefinition, index = routeTable.indexOf(customerRoute)): RouteDefinition[] =>
  routeTable.map((r, i) => (i === index ? route : r));

describe('assertRouteTable', () => {
  it('accepts the real route table', () => {
    expect(() => assertRouteTable(routeTable)).not.toThrow();
  });

  it('refuses a route without an access rule, naming it', () => {
    const { access: _access, ...withoutAccess } = customerRoute;

    expect(() => assertRouteTable(withRoute(withoutAccess as RouteDefinition))).toThrow(
      `${customerRoute.method} ${customerRoute.path} has no access rule`,
    );
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    ['an unknown kind', { kind: 'anyone' }],
  ])('refuses an access rule that is %s', (_what, access) => {
    const route = { ...publicRoute, access } as unknown as RouteDefinition;

    expect(() => assertRouteTable(withRoute(route, routeTable.indexOf(publicRoute)))).toThrow(/has no access rule/);
  });

  it('refuses a customer-scoped route whose path has no {customer_id}', () => {
    const route: RouteDefinition = { ...customerRoute, id: 'test.orphan', path: '/orphans/{orphan_id}' };

    expect(() => assertRouteTable([...routeTable, route])).toThrow(
      `${route.method} /orphans/{orphan_id} is customer-scoped but has no {customer_id} path parameter`,
    );
  });

  it('refuses a duplicate route id', () => {
    const route: RouteDefinition = { ...customerRoute, path: '/customers/{customer_id}/twin' };

    expect(() => assertRouteTable([...routeTable, route])).toThrow(`route id ${customerRoute.id} is declared twice`);
  });

  it('refuses a duplicate method and path', () => {
    const route: RouteDefinition = { ...customerRoute, id: 'test.twin' };

    expect(() => assertRouteTable([...routeTable, route])).toThrow(`${customerRoute.method} ${customerRoute.path} is declared twice`);
  });

  it('lists every problem at once', () => {
    const { access: _access, ...withoutAccess } = publicRoute;
    const table = [...routeTable, withoutAccess as RouteDefinition, { ...customerRoute, path: '/nowhere' }];

    expect(() => assertRouteTable(table)).toThrow(/has no access rule[\s\S]*route id .* is declared twice[\s\S]*no \{customer_id\} path parameter/);
  });
});

describe('the route table', () => {
  it.each(routeTable.map((r) => [`${r.method} ${r.path}`, r] as const))('%s has a handler under functions/', (_label, route) => {
    expect(existsSync(join(ROOT, 'functions', `${route.handler}.ts`))).toBe(true);
  });

  it('scopes every customer route by a {customer_id} path parameter', () => {
    const customerRoutes = routeTable.filter((r) => r.access.kind === 'customer');

    expect(customerRoutes.length).toBeGreaterThan(0);
    expect(customerRoutes.filter((r) => !pathParameters(r.path).includes('customer_id')).map((r) => r.path)).toEqual([]);
  });

  it('has no path parameter outside the {snake_case} form the gateway and the isolation suite fill', () => {
    const declared = routeTable.flatMap((r) => r.path.match(/\{[^}]*\}/g) ?? []);
    const understood = routeTable.flatMap((r) => pathParameters(r.path).map((p) => `{${p}}`));

    expect(declared).toEqual(understood);
  });
});
