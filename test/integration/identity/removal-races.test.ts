import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  activeCustomer,
  addMember,
  adminToken,
  api,
  cognitoAdminCalls,
  cognitoUser,
  createTestUser,
  makeStackCallsUnavailable,
  tenant,
  waitForCustomerStatus,
} from '../../support/local-stack.ts';

/** Findings of the outside review of issue 7 about memberships, each reproduced as it was found. */
describe('two admins removing each other at the same time', () => {
  it('leaves one admin, enabled and able to act; the other request answers 409 and changed nothing', async () => {
    const customer = await activeCustomer();
    const [x, y] = [await createTestUser(), await createTestUser()];
    await addMember(customer.customer_id, x.email, 'admin');
    await addMember(customer.customer_id, y.email, 'admin');

    const [xRemovesY, yRemovesX] = await Promise.all([
      api('DELETE', `/customers/${customer.customer_id}/users/${y.userId}`, { token: x.token }),
      api('DELETE', `/customers/${customer.customer_id}/users/${x.userId}`, { token: y.token }),
    ]);

    expect([xRemovesY.status, yRemovesX.status].sort()).toEqual([204, 409]);
    const survivor = xRemovesY.status === 204 ? x : y;
    const removed = survivor === x ? y : x;
    expect((await cognitoUser(survivor.userId))?.enabled).toBe(true);
    expect((await cognitoUser(removed.userId))?.enabled).toBe(false);
    const users = (await api('GET', `/customers/${customer.customer_id}/users`, { token: await adminToken() })).body.users;
    expect(users.map((u: { user_id: string }) => u.user_id)).toEqual([survivor.userId]);
  });
});

describe('a user removed from their last two customers at the same time', () => {
  it('ends disabled, with no membership', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const user = await createTestUser();
    await addMember(a.customer.customer_id, user.email, 'member');
    await addMember(b.customer.customer_id, user.email, 'member');

    const answers = await Promise.all([
      api('DELETE', `/customers/${a.customer.customer_id}/users/${user.userId}`, { token: a.admin.token }),
      api('DELETE', `/customers/${b.customer.customer_id}/users/${user.userId}`, { token: b.admin.token }),
    ]);

    expect(answers.map((r) => r.status)).toEqual([204, 204]);
    expect((await api('GET', `/users/${user.userId}/customers`, { token: await adminToken() })).body.customers).toEqual([]);
    expect((await cognitoUser(user.userId))?.enabled).toBe(false);
  });
});

describe('a customer admin and an account another customer disabled', () => {
  it('cannot enable it by adding, removing and adding it again', async () => {
    const [a, b] = [await tenant(), await tenant()];
    const user = await createTestUser();
    await addMember(b.customer.customer_id, user.email, 'member');
    await api('DELETE', `/customers/${b.customer.customer_id}/users/${user.userId}`, { token: b.admin.token });

    await api('POST', `/customers/${a.customer.customer_id}/users`, { token: a.admin.token, body: { email: user.email, role: 'member' } });
    await api('DELETE', `/customers/${a.customer.customer_id}/users/${user.userId}`, { token: a.admin.token });
    const again = await api('POST', `/customers/${a.customer.customer_id}/users`, { token: a.admin.token, body: { email: user.email, role: 'member' } });

    expect(again.status).toBe(201);
    expect((await cognitoUser(user.userId))?.enabled).toBe(false);
    expect((await cognitoAdminCalls()).filter((c) => c.target === 'AdminEnableUser' && c.body?.Username === user.userId)).toEqual([]);
  });
});

describe('set-default by a customer admin', () => {
  it("cannot take a user's default from another customer; the user and a platform admin can", async () => {
    const [home, other] = [await tenant(), await tenant()];
    const user = await createTestUser();
    await addMember(home.customer.customer_id, user.email, 'member');
    await addMember(other.customer.customer_id, user.email, 'member');
    const path = `/customers/${other.customer.customer_id}/users/${user.userId}/set-default`;

    const byOtherAdmin = await api('POST', path, { token: other.admin.token });
    const bySelf = await api('POST', path, { token: user.token });

    expect(byOtherAdmin.status).toBe(403);
    expect(byOtherAdmin.body.detail).toBe("This user's default customer is another one; only the user or a platform admin can change it.");
    expect(bySelf.status).toBe(200);
    expect((await api('GET', '/me', { token: user.token })).body.default_customer_id).toBe(other.customer.customer_id);
  });
});

describe('offboarding', () => {
  it('moves defaults off the customer even when its stack deletion must wait (CloudFormation unavailable), and set-default cannot point back at it', async () => {
    const name = `Gamma Labs ${randomUUID().slice(0, 6)}`;
    const customer = await activeCustomer({ customer_name: name });
    const [elsewhere, member] = [await activeCustomer(), await createTestUser()];
    await addMember(customer.customer_id, member.email, 'member');
    await addMember(elsewhere.customer_id, member.email, 'member');
    await makeStackCallsUnavailable(customer.customer_id, 'DeleteStack', 2);

    const first = await api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token: await adminToken() });

    expect(first.status).toBe(503);
    expect((await api('GET', '/me', { token: member.token })).body.default_customer_id).toBe(elsewhere.customer_id);
    const second = await api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token: await adminToken() });
    expect(second.status).toBe(202);
    await waitForCustomerStatus(customer.customer_id, 'OFFBOARDED');
    const back = await api('POST', `/customers/${customer.customer_id}/users/${member.userId}/set-default`, { token: await adminToken() });
    expect(back.status).toBe(409);
  });

  it('answered twice in a row (a double click) still ends OFFBOARDED without waiting for the sweep', async () => {
    const customer = await activeCustomer();
    const admin = await adminToken();

    const first = await api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token: admin });
    const second = await api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token: admin });

    expect([first.status, second.status]).toEqual([202, 202]);
    await waitForCustomerStatus(customer.customer_id, 'OFFBOARDED', 5000);
  });
});
