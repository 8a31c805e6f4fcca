import { describe, expect, it } from 'vitest';
import { Router } from '#local/gateway/router.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';

const route = (method: RouteDefinition['method'], path: string): RouteDefinition => ({
  id: `${method} ${path}`,
  method,
  path,
  handler: 'echo',
  access: { kind: 'authenticated' },
  summary: 'test route',
  tables: {},
});

const routes = [
  route('GET', '/customers'),
  route('POST', '/customers'),
  route('GET', '/customers/{customer_id}'),
  route('DELETE', '/customers/{customer_id}'),
  route('GET', '/customers/stats'),
  route('GET', '/users/{user_id}/customers'),
];
const router = new Router(routes);

describe('Router.resolve', () => {
  it('finds the route of a method and path, with decoded path parameters', () => {
    const found = router.resolve('DELETE', '/customers/acme%20genomics');
    expect(found).toEqual({ kind: 'route', route: routes[3], pathParameters: { customer_id: 'acme genomics' } });
  });

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    expect(router.resolve('GET', '/customers/stats')).toMatchObject({ kind: 'route', route: routes[4] });
  });

  it('tells a path it knows with another method (405, its methods) from a path it does not know (404)', () => {
    expect(router.resolve('PUT', '/customers')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST', 'OPTIONS'] });
    expect(router.resolve('PATCH', '/customers/acme')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'DELETE', 'OPTIONS'] });
    expect(router.resolve('GET', '/nothing-here')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/customers/acme/unknown')).toEqual({ kind: 'not-found' });
  });

  it('answers a resource without routes (an intermediate one, or the root) with 404, except its CORS preflight', () => {
    expect(router.resolve('GET', '/users')).toEqual({ kind: 'not-found' });
    expect(router.resolve('DELETE', '/users/u-1')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/')).toEqual({ kind: 'not-found' });
    expect(router.resolve('OPTIONS', '/users/u-1')).toEqual({ kind: 'preflight' });
    expect(router.resolve('OPTIONS', '/')).toEqual({ kind: 'preflight' });
    expect(router.resolve('OPTIONS', '/customers/acme')).toEqual({ kind: 'preflight' });
    expect(router.resolve('OPTIONS', '/nothing-here')).toEqual({ kind: 'not-found' });
  });

  it('does not let a parameter match an empty segment, and ignores one trailing slash', () => {
    expect(router.resolve('GET', '/users//customers')).toEqual({ kind: 'not-found' });
    expect(router.resolve('GET', '/customers/')).toMatchObject({ kind: 'route', route: routes[0] });
  });
});
