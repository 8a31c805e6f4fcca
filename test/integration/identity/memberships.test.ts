import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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
  signIn,
  tenant,
} from '../../support/local-stack.ts';

describe('POST /customers/{customer_id}/users', () => {
  it('invites an unknown email through Cognito and never answers a password', async () => {
    const customer = await activeCustomer();
    const email = `New.Scientist-${randomUUID().slice(0, 6)}@Example.com`;

    const response = await api('POST', `/customers/${customer.customer_id}/users`, {
      token: await adminToken(),
      body: { email, role: 'member' },
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user_id: expect.any(String),
      customer_id: customer.customer_id,
      email: email.toLowerCase(),
      role: 'member',
      is_default: true,
      added_at: expect.any(String),
      added_by: expect.any(String),
    });
    expect(response.text.toLowerCase()).not.toContain('password');
    const user = await cognitoUser(email.toLowerCase());
    expect(user?.attributes['custom:customer_id']).toBe(customer.customer_id);
    const invite = (await cognitoAdminCalls()).find((c) => c.target === 'AdminCreateUser' && c.body.Username === email.toLowerCase());
    expect(invite?.body.DesiredDeliveryMediums).toEqual(['EMAIL']);
    expect(invite?.body).not.toHaveProperty('TemporaryPassword');
  });

  it('adds an existing user; the first membership is the default, later ones are not', async () => {
    const [first, second] = [await activeCustomer(), await activeCustomer()];
    const user = await createTestUser();

    const a = await addMember(first.customer_id, user.email, 'member');
    const b = await addMember(second.customer_id, user.email, 'admin');

    expect(a).toMatchObject({ user_id: user.userId, is_default: true });
    expect(b).toMatchObject({ user_id: user.userId, is_default: false, role: 'admin' });
    const me = await api('GET', '/me', { token: user.token });
    expect(me.body).toMatchObject({ user_id: user.userId, email: user.email, default_customer_id: first.customer_id, is_platform_admin: false });
    expect(me.body.memberships).toHaveLength(2);
  });

  it('answers the same membership to the same add again (a retry whose answer was lost), with one audit line', async () => {
    const { customer, member } = await tenant();
    const again = await api('POST', `/customers/${customer.customer_id}/users`, { token: await adminToken(), body: { email: member.email, role: 'member' } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ user_id: member.userId, role: 'member' });
    const audit = await api('GET', `/customers/${customer.customer_id}/audit?limit=100`, { token: await adminToken() });
    const added = (audit.body.events as { action: string; target: string }[]).filter((e) => e.action === 'membership.added' && e.target === `user:${member.userId}`);
    expect(added).toHaveLength(1);
  });

  it('answers 409 when the user is already a member with another role', async () => {
    const { customer, member } = await tenant();

    const again = await api('POST', `/customers/${customer.customer_id}/users`, {
      token: await adminToken(),
      body: { email: member.email, role: 'admin' },
    });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
  });

  it('lets a customer admin add users, not a member', async () => {
    const { customer, admin, member } = await tenant();
    const newcomer = await createTestUser();

    const byAdmin = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin.token, body: { email: newcomer.email, role: 'member' } });
    const byMember = await api('POST', `/customers/${customer.customer_id}/users`, {
      token: member.token,
      body: { email: `x-${randomUUID().slice(0, 6)}@example.com`, role: 'member' },
    });

    expect(byAdmin.status).toBe(201);
    expect(byMember.status).toBe(403);
    expect(byMember.body.detail).toBe(`This action requires the 'admin' role in customer ${customer.customer_id}.`);
  });

  it.each([
    [{ email: 'nope', role: 'member' }, 'email', /email address/],
    [{ email: 'a@b.io', role: 'owner' }, 'role', /must be one of: admin, member/],
    [{ email: 'a@b.io' }, 'role', /is required/],
    [{ email: 'a@b.io', role: 'member', password: 'x' }, 'password', /not a known field/],
  ])('refuses %j with 400 naming the field and writes nothing', async (body, field, message) => {
    const customer = await activeCustomer();
    const before = await countCustomerItems('memberships', customer.customer_id);

    const response = await api('POST', `/customers/${customer.customer_id}/users`, { token: await adminToken(), body });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const error = response.body.errors.find((e: { field: string }) => e.field === field);
    expect(error.message).toMatch(message);
    expect(await countCustomerItems('memberships', customer.customer_id)).toBe(before);
  });

  it('refuses invalid JSON and a wrong content type with problem+json', async () => {
    const customer = await activeCustomer();
    const token = await adminToken();

    const badJson = await api('POST', `/customers/${customer.customer_id}/users`, { token, rawBody: '{', headers: { 'Content-Type': 'application/json' } });
    const badType = await api('POST', `/customers/${customer.customer_id}/users`, { token, rawBody: 'email=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

    expect(badJson.status).toBe(400);
    expect(badType.status).toBe(415);
  });
});

describe('roles and the last admin', () => {
  it('refuses to demote or remove the last admin, and allows it once another admin exists', async () => {
    const { customer, admin, member } = await tenant();
    const id = customer.customer_id;
    const token = await adminToken();

    const demote = await api('PATCH', `/customers/${id}/users/${admin.userId}`, { token, body: { role: 'member' } });
    const remove = await api('DELETE', `/customers/${id}/users/${admin.userId}`, { token });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toBe('A customer must keep at least one admin; make another member admin first.');
    expect(remove.status).toBe(409);

    const promote = await api('PATCH', `/customers/${id}/users/${member.userId}`, { token: admin.token, body: { role: 'admin' } });
    expect(promote.status).toBe(200);
    expect(promote.body.role).toBe('admin');
    const demoteNow = await api('PATCH', `/customers/${id}/users/${admin.userId}`, { token: member.token, body: { role: 'member' } });
    expect(demoteNow.status).toBe(200);
    expect(demoteNow.body.role).toBe('member');
  });

  it('answers 400 to a bad role or a malformed user id, and 404 to a user who is not a member', async () => {
    const { customer, member } = await tenant();
    const token = await adminToken();

    const bad = await api('PATCH', `/customers/${customer.customer_id}/users/${member.userId}`, { token, body: { role: 'root' } });
    const malformed = await api('PATCH', `/customers/${customer.customer_id}/users/nobody`, { token, body: { role: 'admin' } });
    const missing = await api('PATCH', `/customers/${customer.customer_id}/users/${randomUUID()}`, { token, body: { role: 'admin' } });

    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ field: 'role', message: 'must be one of: admin, member', accepted: ['admin', 'member'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toEqual({ field: 'user_id', message: 'must be a user id (a UUID)' });
    expect(missing.status).toBe(404);
  });
});

describe('DELETE /customers/{customer_id}/users/{user_id}', () => {
  it('disables a user left with no membership and signs them out everywhere', async () => {
    const { customer, member } = await tenant();

    const response = await api('DELETE', `/customers/${customer.customer_id}/users/${member.userId}`, { token: await adminToken() });

    expect(response.status).toBe(204);
    expect((await cognitoUser(member.userId))?.enabled).toBe(false);
    const calls = (await cognitoAdminCalls()).filter((c) => c.body?.Username === member.userId).map((c) => c.target);
    expect(calls).toEqual(expect.arrayContaining(['AdminDisableUser', 'AdminUserGlobalSignOut']));
    // A token issued before the removal is still valid; the membership check is what refuses it.
    const denied = await api('GET', `/customers/${customer.customer_id}`, { token: member.token });
    expect(denied.status).toBe(403);
  });

  it("touches nothing when the user is not a member: a customer admin cannot disable a platform admin", async () => {
    const { customer, admin } = await tenant();
    const platformAdmin = await cognitoUser(localStack().admin.email);
    const platformAdminId = platformAdmin?.attributes.sub as string;
    const stranger = await createTestUser();

    const asAdmin = await api('DELETE', `/customers/${customer.customer_id}/users/${platformAdminId}`, { token: admin.token });
    const asStranger = await api('DELETE', `/customers/${customer.customer_id}/users/${stranger.userId}`, { token: admin.token });

    expect(asAdmin.status).toBe(404);
    expect(asStranger.status).toBe(404);
    expect((await cognitoUser(platformAdminId))?.enabled).toBe(true);
    expect((await cognitoUser(stranger.userId))?.enabled).toBe(true);
    const calls = (await cognitoAdminCalls()).filter((c) => [platformAdminId, stranger.userId].includes(c.body?.Username));
    expect(calls.map((c) => c.target)).not.toContain('AdminDisableUser');
  });

  it('moves the default to another membership when the default one is removed, and keeps the user enabled', async () => {
    const [first, second] = [await activeCustomer(), await activeCustomer()];
    const user = await createTestUser();
    await addMember(first.customer_id, user.email, 'member');
    await addMember(second.customer_id, user.email, 'member');

    await api('DELETE', `/customers/${first.customer_id}/users/${user.userId}`, { token: await adminToken() });

    const me = await api('GET', '/me', { token: user.token });
    expect(me.body.default_customer_id).toBe(second.customer_id);
    expect(me.body.memberships).toEqual([expect.objectContaining({ customer_id: second.customer_id, is_default: true })]);
    expect((await cognitoUser(user.userId))?.attributes['custom:customer_id']).toBe(second.customer_id);
    expect((await cognitoUser(user.userId))?.enabled).toBe(true);
  });

  it('re-enables a disabled user who is added again', async () => {
    const { customer, member } = await tenant();
    const token = await adminToken();
    await api('DELETE', `/customers/${customer.customer_id}/users/${member.userId}`, { token });

    await addMember(customer.customer_id, member.email, 'member');

    expect((await cognitoUser(member.userId))?.enabled).toBe(true);
    await expect(signIn(member.email, member.password)).resolves.toBeDefined();
  });
});

describe('POST /customers/{customer_id}/users/{user_id}/set-default', () => {
  it('lets the user choose their default customer, but not another member', async () => {
    const [first, second] = [await activeCustomer(), await activeCustomer()];
    const user = await createTestUser();
    const other = await createTestUser();
    await addMember(first.customer_id, user.email, 'member');
    await addMember(second.customer_id, user.email, 'member');
    await addMember(second.customer_id, other.email, 'member');

    const byOther = await api('POST', `/customers/${second.customer_id}/users/${user.userId}/set-default`, { token: other.token });
    const bySelf = await api('POST', `/customers/${second.customer_id}/users/${user.userId}/set-default`, { token: user.token });

    expect(byOther.status).toBe(403);
    expect(bySelf.status).toBe(200);
    expect(bySelf.body.is_default).toBe(true);
    const me = await api('GET', '/me', { token: user.token });
    expect(me.body.default_customer_id).toBe(second.customer_id);
    expect(me.body.memberships.filter((m: { is_default: boolean }) => m.is_default)).toHaveLength(1);
  });
});

describe('GET /customers/{customer_id}/users and GET /users/{user_id}/customers', () => {
  it('lists members with pagination for customer admins', async () => {
    const { customer, admin, member } = await tenant();

    const page1 = await api('GET', `/customers/${customer.customer_id}/users?limit=1`, { token: admin.token });
    const page2 = await api('GET', `/customers/${customer.customer_id}/users?limit=1&next_token=${page1.body.next_token}`, { token: admin.token });

    const ids = [...page1.body.users, ...page2.body.users].map((u: { user_id: string }) => u.user_id).sort();
    expect(ids).toEqual([admin.userId, member.userId].sort());
  });

  it("shows a user's customers to platform admins only", async () => {
    const { customer, member } = await tenant();

    const asAdmin = await api('GET', `/users/${member.userId}/customers`, { token: await adminToken() });
    const asUser = await api('GET', `/users/${member.userId}/customers`, { token: member.token });

    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toEqual({
      user_id: member.userId,
      customers: [
        {
          customer_id: customer.customer_id,
          customer_name: customer.customer_name,
          display_name: null,
          status: 'ACTIVE',
          role: 'member',
          is_default: true,
        },
      ],
    });
    expect(asUser.status).toBe(403);
  });
});

describe('inactive and offboarded customers', () => {
  it('lets members of a deactivated customer read, and refuses writes naming the reason', async () => {
    const { customer, admin, member } = await tenant();
    await api('POST', `/customers/${customer.customer_id}/deactivate`, { token: await adminToken() });

    const read = await api('GET', `/customers/${customer.customer_id}`, { token: member.token });
    const write = await api('POST', `/customers/${customer.customer_id}/users`, {
      token: admin.token,
      body: { email: `late-${randomUUID().slice(0, 6)}@example.com`, role: 'member' },
    });

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
    expect(write.body.detail).toBe(`Customer ${customer.customer_id} is deactivated; changes are refused until it is active.`);
    expect(write.body.customer_status).toBe('INACTIVE');
  });

  it('closes an offboarded customer to everyone but platform admins', async () => {
    const { customer, member } = await tenant();
    const token = await adminToken();
    await api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token });

    const deadline = Date.now() + 5000;
    let asMember = await api('GET', `/customers/${customer.customer_id}`, { token: member.token });
    while (asMember.status !== 403 && Date.now() < deadline) asMember = await api('GET', `/customers/${customer.customer_id}`, { token: member.token });
    const asAdmin = await api('GET', `/customers/${customer.customer_id}`, { token });

    expect(asMember.status).toBe(403);
    expect(asMember.body.detail).toBe(`Customer ${customer.customer_id} has been offboarded.`);
    expect(asAdmin.status).toBe(200);
  });
});

describe('listing parameters', () => {
  it.each([
    ['users', 'limit=0', 'limit'],
    ['users', 'limit=500', 'limit'],
    ['users', 'next_token=forged', 'next_token'],
    ['users', 'role=admin', 'role'],
    ['audit', 'limit=x', 'limit'],
    ['audit', `next_token=${Buffer.from('{"customer_id":"other-00000000"}').toString('base64url')}`, 'next_token'],
  ])('GET /customers/{id}/%s?%s answers 400 naming %s', async (listing, query, field) => {
    const { customer, admin } = await tenant();

    const response = await api('GET', `/customers/${customer.customer_id}/${listing}?${query}`, { token: admin.token });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors[0].field).toBe(field);
  });
});
