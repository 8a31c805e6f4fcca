import { beforeAll, describe, expect, it } from 'vitest';
import { pathParameters } from '#shared/routes/index.ts';
import { api, cognitoUser, tenant, type TestUser } from '../../support/local-stack.ts';
import {
  auditItems,
  auditTrail,
  bearer,
  expectedRefusal,
  footprint,
  label,
  nonexistentCustomerId,
  refusal,
  routeRequest,
  routesWhere,
  send,
  TENANT_DENIED,
} from './route-requests.ts';

/**
 * Generated from the route table: every customer-scoped route, every method,
 * called by tenant A's member and admin with tenant B's ids.
 */
const customerRoutes = routesWhere((access) => access.kind === 'customer');

interface Tenant {
  readonly customer: { customer_id: string };
  readonly admin: TestUser;
  readonly member: TestUser;
}

let a: Tenant;
let b: Tenant;
/** Tenant B's real ids, by path parameter name. */
let bIds: Record<string, string>;

beforeAll(async () => {
  [a, b] = await Promise.all([tenant(), tenant()]);
  bIds = { customer_id: b.customer.customer_id, user_id: b.member.userId };
  // A real upload of B, so routes naming an upload are tried on one that exists.
  const upload = await api('POST', `/customers/${b.customer.customer_id}/uploads`, {
    token: b.member.token,
    body: { filename: 'isolation_R1.fastq.gz', size_bytes: 1024 },
  });
  if (upload.status !== 201) throw new Error(`B's upload: ${upload.status} ${upload.text}`);
  bIds.upload_id = upload.body.upload_id as string;
});

const denied = expectedRefusal(403, 'Forbidden', TENANT_DENIED);

it('covers every customer-scoped route of the table', () => {
  expect(customerRoutes.map(([name]) => name)).toEqual(
    expect.arrayContaining(['GET /customers/{customer_id}', 'DELETE /customers/{customer_id}/users/{user_id}', 'GET /customers/{customer_id}/audit']),
  );
  expect(customerRoutes.every(([, r]) => r.path.includes('{customer_id}'))).toBe(true);
});

describe.each(customerRoutes)('%s', (_label, route) => {
  it("refuses tenant A's member and admin on tenant B's ids with the same 403, audits both, and changes nothing of B", async () => {
    const request = routeRequest(route, bIds);
    const before = await footprint(b.customer.customer_id, [b.member.userId]);

    const [asMember, asAdmin] = await Promise.all([send(request, bearer(a.member.token)), send(request, bearer(a.admin.token))]);

    expect(refusal(asMember)).toEqual(denied);
    expect(refusal(asAdmin)).toEqual(denied);
    expect(await footprint(b.customer.customer_id, [b.member.userId])).toEqual(before);
    expect((await cognitoUser(b.member.userId))?.enabled).toBe(true);

    const trail = await auditTrail(b.customer.customer_id);
    for (const [response, caller] of [
      [asMember, a.member],
      [asAdmin, a.admin],
    ] as const) {
      const requestId = response.body.request_id as string;
      expect(requestId).toEqual(expect.any(String));
      expect(trail.filter((e) => e.request_id === requestId)).toEqual([
        expect.objectContaining({ action: 'tenant_access_denied', actor: caller.userId, target: label(route), request_id: requestId }),
      ]);
    }
  });

  it('answers the same 403 for a customer that does not exist, or an id that cannot be one, and audits it under that id', async () => {
    const missing = nonexistentCustomerId();
    const request = (customerId: string) => routeRequest(route, { ...bIds, customer_id: customerId });
    const [forB, forMissing, forMalformed] = await Promise.all([
      send(request(b.customer.customer_id), bearer(a.member.token)),
      send(request(missing), bearer(a.member.token)),
      send(request('Not_A_Customer!'), bearer(a.member.token)),
    ]);

    expect(refusal(forB)).toEqual(denied);
    expect(refusal(forMissing)).toEqual(refusal(forB));
    expect(refusal(forMalformed)).toEqual(refusal(forB));
    expect(await auditItems(missing)).toEqual([
      expect.objectContaining({
        action: 'tenant_access_denied',
        actor: a.member.userId,
        target: label(route),
        request_id: forMissing.body.request_id,
      }),
    ]);
  });
});

/** Customer-scoped routes that name something besides the customer: a user, an upload... */
const routesNamingMore = customerRoutes.filter(([, route]) => pathParameters(route.path).some((name) => name !== 'customer_id'));

describe.each(routesNamingMore)("%s with A's customer id and B's other ids", (_label, route) => {
  it("lets A's admin past the guard for A but not reach B's records", async () => {
    const request = routeRequest(route, { ...bIds, customer_id: a.customer.customer_id });
    const before = await footprint(b.customer.customer_id, [b.member.userId]);

    const response = await send(request, bearer(a.admin.token));

    expect(response.status).not.toBe(403);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.text).not.toContain(b.customer.customer_id);
    expect(await footprint(b.customer.customer_id, [b.member.userId])).toEqual(before);
    expect((await cognitoUser(b.member.userId))?.enabled).toBe(true);
  });
});
