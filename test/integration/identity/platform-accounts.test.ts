import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PLATFORM_ADMIN_GROUP, PLATFORM_SERVICE_GROUP } from '#shared/identity/groups.ts';
import {
  activeCustomer,
  addMember,
  adminToken,
  api,
  cognitoAdminCalls,
  cognitoUser,
  countCustomerItems,
  createTestUser,
  localStack,
  tenant,
} from '../../support/local-stack.ts';

/**
 * Regression suite for the outside review of memberships (issue 7, item 1):
 * a customer admin once could add the platform admin to their customer, then
 * remove them and so disable and sign out the platform's own operator.
 */
describe('a customer admin and the platform\'s own accounts', () => {
  it('cannot add the platform admin to their customer, and nothing changes', async () => {
    const { customer, admin } = await tenant();
    const before = await countCustomerItems('memberships', customer.customer_id);

    const response = await api('POST', `/customers/${customer.customer_id}/users`, {
      token: admin.token,
      body: { email: localStack().admin.email, role: 'member' },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.detail).toBe('This account belongs to the platform operators; only a platform administrator can add or remove it.');
    expect(await countCustomerItems('memberships', customer.customer_id)).toBe(before);
    expect((await cognitoUser(localStack().admin.email))?.enabled).toBe(true);
  });

  it('cannot add a platform-service account either', async () => {
    const { customer, admin } = await tenant();
    const service = await createTestUser({ groups: [PLATFORM_SERVICE_GROUP] });

    const response = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin.token, body: { email: service.email, role: 'admin' } });

    expect(response.status).toBe(403);
    expect((await api('GET', `/customers/${customer.customer_id}/users`, { token: admin.token })).body.users.map((u: any) => u.user_id)).not.toContain(
      service.userId,
    );
  });

  it('cannot remove, disable or sign out a platform account a platform admin added; the platform admin removes it without disabling it', async () => {
    const { customer, admin } = await tenant();
    const service = await createTestUser({ groups: [PLATFORM_SERVICE_GROUP] });
    await addMember(customer.customer_id, service.email, 'member');

    const byCustomerAdmin = await api('DELETE', `/customers/${customer.customer_id}/users/${service.userId}`, { token: admin.token });
    expect(byCustomerAdmin.status).toBe(403);
    expect((await cognitoUser(service.userId))?.enabled).toBe(true);

    const byPlatformAdmin = await api('DELETE', `/customers/${customer.customer_id}/users/${service.userId}`, { token: await adminToken() });
    expect(byPlatformAdmin.status).toBe(204);
    expect((await cognitoUser(service.userId))?.enabled).toBe(true);
    const calls = (await cognitoAdminCalls()).filter((c) => c.body?.Username === service.userId).map((c) => c.target);
    expect(calls).not.toContain('AdminDisableUser');
    expect(calls).not.toContain('AdminUserGlobalSignOut');
  });
});

describe('adding an existing account by email', () => {
  it('answers the same shape for a new and an existing account, revealing nothing about either', async () => {
    const { customer, admin } = await tenant();
    const existing = await createTestUser();
    const fresh = `fresh-${randomUUID().slice(0, 8)}@example.com`;

    const forExisting = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin.token, body: { email: existing.email, role: 'member' } });
    const forNew = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin.token, body: { email: fresh, role: 'member' } });

    expect(forExisting.status).toBe(201);
    expect(forNew.status).toBe(201);
    expect(Object.keys(forExisting.body).sort()).toEqual(Object.keys(forNew.body).sort());
    expect(forExisting.body).not.toHaveProperty('invited');
    // Both are this customer's member only; the audit trail the customer admin reads says no more.
    const audit = await api('GET', `/customers/${customer.customer_id}/audit`, { token: admin.token });
    const added = audit.body.events.filter((e: any) => e.action === 'membership.added').map((e: any) => e.details);
    expect(added).toHaveLength(4);
    for (const details of added) expect(Object.keys(details).sort()).toEqual(['email', 'role']);
  });

  it('never moves the default customer another customer holds', async () => {
    const [home, other] = [await activeCustomer(), await activeCustomer()];
    const user = await createTestUser();
    await addMember(home.customer_id, user.email, 'member');
    const otherAdmin = await createTestUser();
    await addMember(other.customer_id, otherAdmin.email, 'admin');

    const response = await api('POST', `/customers/${other.customer_id}/users`, { token: otherAdmin.token, body: { email: user.email, role: 'member' } });

    expect(response.status).toBe(201);
    expect(response.body.is_default).toBe(false);
    expect((await api('GET', '/me', { token: user.token })).body.default_customer_id).toBe(home.customer_id);
    expect((await cognitoUser(user.userId))?.attributes['custom:customer_id']).toBe(home.customer_id);
  });

  it('does not re-enable an account another customer\'s removal disabled; that customer, or a platform admin, can', async () => {
    const [b, a] = [await tenant(), await tenant()];
    const user = await createTestUser();
    await addMember(b.customer.customer_id, user.email, 'member');
    expect((await api('DELETE', `/customers/${b.customer.customer_id}/users/${user.userId}`, { token: b.admin.token })).status).toBe(204);
    expect((await cognitoUser(user.userId))?.enabled).toBe(false);

    const byA = await api('POST', `/customers/${a.customer.customer_id}/users`, { token: a.admin.token, body: { email: user.email, role: 'member' } });
    expect(byA.status).toBe(201);
    expect((await cognitoUser(user.userId))?.enabled).toBe(false);
    expect((await cognitoAdminCalls()).filter((c) => c.target === 'AdminEnableUser' && c.body?.Username === user.userId)).toEqual([]);

    const byB = await api('POST', `/customers/${b.customer.customer_id}/users`, { token: b.admin.token, body: { email: user.email, role: 'member' } });
    expect(byB.status).toBe(201);
    expect((await cognitoUser(user.userId))?.enabled).toBe(true);
  });

  it('adds the same new email sent 10 times at once exactly once; every copy answers that one membership', async () => {
    const { customer, admin } = await tenant();
    const email = `race-${randomUUID().slice(0, 8)}@example.com`;

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api('POST', `/customers/${customer.customer_id}/users`, { token: admin.token, body: { email, role: 'member' } })),
    );

    // The same add again is a retry (its first answer may have been lost): it answers the membership that exists.
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.user_id)).size).toBe(1);
    const users = (await api('GET', `/customers/${customer.customer_id}/users`, { token: admin.token })).body.users;
    expect(users.filter((u: any) => u.email === email)).toHaveLength(1);
  });

  it('gives a new email added to two customers at once one account with exactly one default', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const email = `two-${randomUUID().slice(0, 8)}@example.com`;

    const [toA, toB] = await Promise.all([
      api('POST', `/customers/${a.customer.customer_id}/users`, { token: a.admin.token, body: { email, role: 'member' } }),
      api('POST', `/customers/${b.customer.customer_id}/users`, { token: b.admin.token, body: { email, role: 'member' } }),
    ]);

    expect([toA.status, toB.status]).toEqual([201, 201]);
    expect(toA.body.user_id).toBe(toB.body.user_id);
    expect([toA.body.is_default, toB.body.is_default].filter(Boolean)).toHaveLength(1);
    const account = await cognitoUser(email);
    const expectedDefault = toA.body.is_default ? a.customer.customer_id : b.customer.customer_id;
    expect(account?.attributes['custom:customer_id']).toBe(expectedDefault);
  });
});

describe('a platform admin removed from the group', () => {
  it('loses platform access within the membership cache bound, though the token still claims the group', async () => {
    const operator = await createTestUser({ groups: [PLATFORM_ADMIN_GROUP] });
    expect((await api('GET', '/customers?limit=1', { token: operator.token })).status).toBe(200);

    const { CognitoIdentityProviderClient, AdminRemoveUserFromGroupCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const cognito = new CognitoIdentityProviderClient({
      endpoint: localStack().cognito.endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: operator.email, GroupName: PLATFORM_ADMIN_GROUP }));

    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 10_000) {
      status = (await api('GET', '/customers?limit=1', { token: operator.token })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    // MEMBERSHIP_CACHE_SECONDS is 2 in tests.
    expect(status).toBe(403);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await api('GET', '/me', { token: operator.token })).body.is_platform_admin).toBe(false);
  });
});
