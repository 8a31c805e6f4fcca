import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, tenant, type TestUser } from '../../support/local-stack.ts';
import { requestWith } from '../../unit/worksets/fixtures.ts';
import { bearer, expectedRefusal, footprint, PLATFORM_ADMIN_REQUIRED, refusal, routeRequest, routesWhere, send } from './route-requests.ts';

/**
 * Generated from the route table: roles inside a customer, and the platform
 * administrator, on every route that names one.
 */
const adminOnlyCustomerRoutes = routesWhere((access) => access.kind === 'customer' && access.role === 'admin');
const platformAdminRoutes = routesWhere((access) => access.kind === 'platform-admin');
const customerRoutes = routesWhere((access) => access.kind === 'customer');
const serviceRoutes = routesWhere((access) => access.kind === 'service');
const SERVICE_ACCOUNT_REQUIRED = 'This action requires a platform service account.';

const WORKSET = requestWith();

interface Tenant {
  readonly customer: { customer_id: string };
  readonly admin: TestUser;
  readonly member: TestUser;
}

/** The tenant whose own users try what their role does not allow. */
let own: Tenant;
/** The tenant a platform admin works on. */
let other: Tenant;

beforeAll(async () => {
  [own, other] = await Promise.all([tenant(), tenant()]);
});

it('finds admin-only customer routes and platform-admin routes in the table', () => {
  expect(adminOnlyCustomerRoutes.map(([name]) => name)).toContain('DELETE /customers/{customer_id}/users/{user_id}');
  expect(platformAdminRoutes.map(([name]) => name)).toContain('POST /customers');
  expect(serviceRoutes.map(([name]) => name)).toContain('PUT /customers/{customer_id}/worksets/{workset_id}/state');
});

describe.each(serviceRoutes)('a user of the customer who is not a platform service account on %s', (_label, route) => {
  it("is refused with 403 even as the customer's admin, and the workset does not change", async () => {
    const id = own.customer.customer_id;
    const submitted = await api('POST', `/customers/${id}/worksets`, { token: own.member.token, body: WORKSET });
    expect(submitted.status).toBe(201);
    const request = { ...routeRequest(route, { customer_id: id, workset_id: submitted.body.workset_id }), body: { state: 'complete' } };

    const [asCustomerAdmin, asMember] = await Promise.all([send(request, bearer(own.admin.token)), send(request, bearer(own.member.token))]);

    const denied = expectedRefusal(403, 'Forbidden', SERVICE_ACCOUNT_REQUIRED);
    expect(refusal(asCustomerAdmin)).toEqual(denied);
    expect(refusal(asMember)).toEqual(denied);
    const after = await api('GET', `/customers/${id}/worksets/${submitted.body.workset_id}`, { token: own.member.token });
    expect(after.body.history).toEqual(submitted.body.history);
  });
});

describe.each(adminOnlyCustomerRoutes)("a member on admin-only %s of their own customer", (_label, route) => {
  it('is refused with 403 naming the role, and nothing changes', async () => {
    const id = own.customer.customer_id;
    // Aimed at the customer's admin: the member must not demote or remove them.
    const request = routeRequest(route, { customer_id: id, user_id: own.admin.userId });
    const before = await footprint(id, [own.admin.userId, own.member.userId]);

    const response = await send(request, bearer(own.member.token));

    expect(refusal(response)).toEqual(expectedRefusal(403, 'Forbidden', `This action requires the 'admin' role in customer ${id}.`));
    expect(await footprint(id, [own.admin.userId, own.member.userId])).toEqual(before);
  });
});

describe.each(platformAdminRoutes)('a signed-in user who is not a platform admin on %s', (_label, route) => {
  it("is refused with 403 even as an admin of the customer named, and nothing changes", async () => {
    const id = own.customer.customer_id;
    const request = routeRequest(route, { customer_id: id, user_id: own.admin.userId });
    const before = await footprint(id, [own.admin.userId, own.member.userId]);

    const [asCustomerAdmin, asMember] = await Promise.all([send(request, bearer(own.admin.token)), send(request, bearer(own.member.token))]);

    const denied = expectedRefusal(403, 'Forbidden', PLATFORM_ADMIN_REQUIRED);
    expect(refusal(asCustomerAdmin)).toEqual(denied);
    expect(refusal(asMember)).toEqual(denied);
    expect(await footprint(id, [own.admin.userId, own.member.userId])).toEqual(before);
    const customer = await api('GET', `/customers/${id}`, { token: await adminToken() });
    expect(customer.body.status).toBe('ACTIVE');
  });
});

describe.each([...customerRoutes, ...serviceRoutes])('a platform admin on %s of a customer they do not belong to', (_label, route) => {
  it('passes the access rule', async () => {
    const request = routeRequest(route, { customer_id: other.customer.customer_id, user_id: other.member.userId });

    const response = await send(request, bearer(await adminToken()));

    expect([401, 403]).not.toContain(response.status);
    expect(response.status).toBeLessThan(500);
  });
});
