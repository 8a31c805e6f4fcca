import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { problemsOf } from '#shared/openapi/problems.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';

const ok = { success: [{ status: 200, description: 'ok', body: null }] } as const;
const route = (overrides: Partial<RouteDefinition>): RouteDefinition => ({
  id: 'x.y',
  method: 'GET',
  path: '/x',
  handler: 'x/y',
  access: { kind: 'public' },
  summary: 'x',
  tables: {},
  ...overrides,
});

describe('the problems a route answers by what it is', () => {
  it('a public constant document: only an undecodable query string and throttling', () => {
    expect(problemsOf(route({}), { body: null, query: null }, ok)).toEqual({ 400: 'The query string does not decode as UTF-8 text.', 429: "Too many requests: the stage's throttle." });
  });

  it('a customer write route with a body: validation, token, membership or inactive customer, unknown ids, body limits, throttles, dependencies', () => {
    const reasons = problemsOf(
      route({ path: '/customers/{customer_id}/worksets', method: 'POST', access: { kind: 'customer', role: 'member', write: true }, tables: { worksets: ['PutItem'] } }),
      { body: z.object({}), query: null },
      ok,
    );
    expect(Object.keys(reasons)).toEqual(['400', '401', '403', '404', '413', '415', '429', '503']);
    expect(reasons[403]).toMatch(/not active/);
    expect(reasons[429]).toMatch(/plan throttle/);
  });

  it('a platform-admin read without parameters: no 400 or 404', () => {
    const reasons = problemsOf(route({ path: '/admin/status', access: { kind: 'platform-admin' }, tables: { customers: ['Query'] } }), { body: null, query: null }, ok);
    expect(Object.keys(reasons)).toEqual(['400', '401', '403', '429', '503']);
    expect(reasons[403]).toBe('The caller is not a platform admin.');
  });

  it("lets a route's own reasons add statuses and say more than the default", () => {
    const reasons = problemsOf(route({ access: { kind: 'authenticated' } }), { body: null, query: z.object({}) }, { ...ok, problems: { 400: 'bad period', 409: 'busy' } });
    expect(reasons).toMatchObject({ 400: 'bad period', 409: 'busy' });
    expect(Object.keys(reasons)).toEqual(['400', '401', '409', '429', '503']);
  });

  it('lets a route say it does not answer a status its shape implies', () => {
    const reasons = problemsOf(route({ path: '/users/{user_id}/customers', access: { kind: 'platform-admin' } }), { body: null, query: null }, { ...ok, problems: { 404: null } });
    expect(Object.keys(reasons)).toEqual(['400', '401', '403', '429', '503']);
  });
});
