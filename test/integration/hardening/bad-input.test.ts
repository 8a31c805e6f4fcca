import { describe, expect, it } from 'vitest';
import { activeCustomer, adminToken, api, countCustomerItems, customerBody, tenant, type ApiResponse } from '../../support/local-stack.ts';

/**
 * Inputs an outside review found answering 500 (issue 7, item 11): each must
 * be a 400 problem+json that names what is wrong and writes nothing.
 */
function expectBadRequest(response: ApiResponse, field: string): void {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

const token = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('path parameters too long or malformed for a key', () => {
  it('a user_id of 3,000 characters on every users route', async () => {
    const { customer, admin } = await tenant();
    const userId = 'u'.repeat(3000);
    const before = await countCustomerItems('memberships', customer.customer_id);

    const answers = await Promise.all([
      api('PATCH', `/customers/${customer.customer_id}/users/${userId}`, { token: admin.token, body: { role: 'admin' } }),
      api('DELETE', `/customers/${customer.customer_id}/users/${userId}`, { token: admin.token }),
      api('POST', `/customers/${customer.customer_id}/users/${userId}/set-default`, { token: admin.token }),
      api('GET', `/users/${userId}/customers`, { token: await adminToken() }),
    ]);

    for (const answer of answers) expectBadRequest(answer, 'user_id');
    expect(await countCustomerItems('memberships', customer.customer_id)).toBe(before);
  });

  it('an upload_id of 2,000 characters', async () => {
    const { customer, member } = await tenant();
    const uploadId = 'u'.repeat(2000);

    const complete = await api('POST', `/customers/${customer.customer_id}/uploads/${uploadId}/complete`, {
      token: member.token,
      body: { parts: [{ part_number: 1, etag: '"x"' }] },
    });
    const abort = await api('POST', `/customers/${customer.customer_id}/uploads/${uploadId}/abort`, { token: member.token });

    expectBadRequest(complete, 'upload_id');
    expectBadRequest(abort, 'upload_id');
  });

  it('a customer_id of 3,000 characters on a platform-admin route is simply not found', async () => {
    const answer = await api('POST', `/customers/${'c'.repeat(3000)}/deactivate`, { token: await adminToken() });

    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('page tokens from another listing', () => {
  it("another customer's real audit and users tokens", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const audit = await api('GET', `/customers/${b.customer.customer_id}/audit?limit=1`, { token: await adminToken() });
    const users = await api('GET', `/customers/${b.customer.customer_id}/users?limit=1`, { token: await adminToken() });
    expect(audit.body.next_token).toEqual(expect.any(String));
    expect(users.body.next_token).toEqual(expect.any(String));

    const auditWithB = await api('GET', `/customers/${a.customer.customer_id}/audit?next_token=${audit.body.next_token}`, { token: a.admin.token });
    const usersWithB = await api('GET', `/customers/${a.customer.customer_id}/users?next_token=${users.body.next_token}`, { token: a.admin.token });

    expectBadRequest(auditWithB, 'next_token');
    expectBadRequest(usersWithB, 'next_token');
  });

  it.each([
    ['another partition of the index', { customer_id: 'acme-00000000', record_type: 'invoice', created_at: '2026-01-01T00:00:00.000Z' }, ''],
    ['a status token on the unfiltered listing', { customer_id: 'acme-00000000', status: 'ACTIVE', created_at: '2026-01-01T00:00:00.000Z' }, ''],
    ['another status', { customer_id: 'acme-00000000', status: 'INACTIVE', created_at: '2026-01-01T00:00:00.000Z' }, '&status=ACTIVE'],
    ['an unpaired surrogate', { customer_id: 'acme-\ud800', record_type: 'customer', created_at: '2026-01-01T00:00:00.000Z' }, ''],
  ])('a forged customers token: %s', async (_name, key, filter) => {
    const answer = await api('GET', `/customers?next_token=${token(key)}${filter}`, { token: await adminToken() });

    expectBadRequest(answer, 'next_token');
  });
});

describe('text that is not valid Unicode', () => {
  it('is refused in a body field, a nested field and a query parameter, naming each', async () => {
    const customer = await activeCustomer();
    const admin = await adminToken();

    const inName = await api('PATCH', `/customers/${customer.customer_id}`, { token: admin, body: { description: 'lab \udc00 notes' } });
    const nested = await api('PATCH', `/customers/${customer.customer_id}`, { token: admin, body: { settings: { theme: { name: '\ud83d' } } } });
    const inEmail = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin, body: { email: 'a\ud800@example.com', role: 'member' } });
    const inQuery = await api('GET', `/customers?status=${encodeURIComponent('ACTIVE')}&next_token=%ED%A0%80`, { token: admin });

    expectBadRequest(inName, 'description');
    expectBadRequest(nested, 'settings.theme.name');
    expectBadRequest(inEmail, 'email');
    expect(inQuery.status).toBe(400);
    expect((await api('GET', `/customers/${customer.customer_id}`, { token: admin })).body.description).toBeUndefined();
  });

  it('settings that DynamoDB cannot store are refused on update too', async () => {
    const customer = await activeCustomer();
    const admin = await adminToken();

    const huge = await api('PATCH', `/customers/${customer.customer_id}`, { token: admin, body: { settings: { n: 1e300 } } });
    const deep = await api('PATCH', `/customers/${customer.customer_id}`, {
      token: admin,
      rawBody: `{"settings":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`,
      headers: { 'Content-Type': 'application/json' },
    });

    expect(huge.status).toBe(400);
    expect(deep.status).toBe(400);
    expect((await api('GET', `/customers/${customer.customer_id}`, { token: admin })).body.settings).toBeUndefined();
  });
});

describe('nesting that would exhaust a recursive walk', () => {
  it.each([
    ['POST', '/uploads', (body: string) => `{"filename":"a_R1.fq","size_bytes":1,"x":${body}}`],
    ['POST', '/users', (body: string) => `{"email":"a@b.io","role":"member","x":${body}}`],
  ])('%s %s with 8,000 nested arrays answers 400, not 500', async (method, suffix, wrap) => {
    const { customer, admin } = await tenant();

    const response = await api(method, `/customers/${customer.customer_id}${suffix}`, {
      token: admin.token,
      rawBody: wrap(`${'['.repeat(8000)}${']'.repeat(8000)}`),
      headers: { 'Content-Type': 'application/json' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toBe('must not nest more than 64 levels deep');
  });
});

describe('the same request many times at once', () => {
  it('parallel DELETE /customers/{id} answers 202 or 409, never 500, and the customer ends OFFBOARDING or OFFBOARDED', async () => {
    const customer = await activeCustomer();
    const admin = await adminToken();

    const answers = await Promise.all(
      Array.from({ length: 8 }, () => api('DELETE', `/customers/${customer.customer_id}?confirm=${customer.customer_id}`, { token: admin })),
    );

    for (const answer of answers) expect([202, 409]).toContain(answer.status);
    expect(answers.some((a) => a.status === 202)).toBe(true);
    const status = (await api('GET', `/customers/${customer.customer_id}`, { token: admin })).body.status;
    expect(['OFFBOARDING', 'OFFBOARDED']).toContain(status);
  });

  it('parallel onboardings of the same name and email without a key make one customer', async () => {
    const admin = await adminToken();
    const body = customerBody();

    const answers = await Promise.all(Array.from({ length: 6 }, () => api('POST', '/customers', { token: admin, body })));

    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    expect(new Set(answers.map((a) => a.body.customer_id)).size).toBe(1);
    const listing = await api('GET', '/customers?limit=100', { token: admin });
    expect(listing.body.customers.filter((c: { customer_name: string }) => c.customer_name === body.customer_name)).toHaveLength(1);
  });

  it('the same name and email with other settings, without a key, is a 409 naming the existing customer', async () => {
    const admin = await adminToken();
    const body = customerBody();
    const first = await api('POST', '/customers', { token: admin, body });

    const second = await api('POST', '/customers', { token: admin, body: { ...body, max_storage_gb: 10 } });
    const withKey = await api('POST', '/customers', { token: admin, body: { ...body, max_storage_gb: 10 }, headers: { 'Idempotency-Key': `k-${Date.now()}` } });

    expect(second.status).toBe(409);
    expect(second.body.existing_customer_id).toBe(first.body.customer_id);
    expect(second.body.detail).toContain(first.body.customer_id);
    expect(withKey.status).toBe(202);
    expect(withKey.body.customer_id).not.toBe(first.body.customer_id);
  });
});

describe('30 parallel aborts of one multipart upload', () => {
  it('answer 200 once and 409 otherwise, never 500', async () => {
    const { customer, member } = await tenant();
    const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename: 'p_R1.fq', size_bytes: 20 * 1024 * 1024 } });

    const answers = await Promise.all(Array.from({ length: 30 }, () => api('POST', ticket.body.abort, { token: member.token })));

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(29);
  });
});
