import { describe, expect, it } from 'vitest';
import { activeCustomer, addMember, adminToken, api, cognitoUser, countCustomerItems, createTestUser, waitForCustomerStatus } from '../../support/local-stack.ts';

async function offboard(customerId: string): Promise<void> {
  const answer = await api('DELETE', `/customers/${customerId}?confirm=${customerId}`, { token: await adminToken() });
  expect(answer.status).toBe(202);
  await waitForCustomerStatus(customerId, 'OFFBOARDED');
}

describe('an offboarded customer', () => {
  it("is no user's default any more: each member's default moves to their oldest open customer, or is cleared", async () => {
    const [leaving, closedEarlier, staying] = [await activeCustomer(), await activeCustomer(), await activeCustomer()];
    const both = await createTestUser();
    const only = await createTestUser();
    await addMember(leaving.customer_id, both.email, 'member');
    await addMember(closedEarlier.customer_id, both.email, 'member');
    await addMember(staying.customer_id, both.email, 'member');
    await addMember(leaving.customer_id, only.email, 'admin');
    // An older membership in a customer that is itself closed is never chosen.
    await offboard(closedEarlier.customer_id);

    await offboard(leaving.customer_id);

    const meBoth = await api('GET', '/me', { token: both.token });
    expect(meBoth.body.default_customer_id).toBe(staying.customer_id);
    expect((await cognitoUser(both.userId))?.attributes['custom:customer_id']).toBe(staying.customer_id);
    const meOnly = await api('GET', '/me', { token: only.token });
    expect(meOnly.body.default_customer_id).toBeNull();
    expect((await cognitoUser(only.userId))?.attributes['custom:customer_id']).toBeUndefined();
  });

  it('takes no upload and no new member, even from a platform admin (409), and writes nothing', async () => {
    const customer = await activeCustomer();
    await offboard(customer.customer_id);
    const admin = await adminToken();
    const count = async () => ({
      uploads: await countCustomerItems('uploads', customer.customer_id),
      memberships: await countCustomerItems('memberships', customer.customer_id),
    });
    const before = await count();
    const newcomer = await createTestUser();

    const upload = await api('POST', `/customers/${customer.customer_id}/uploads`, { token: admin, body: { filename: 'a_R1.fq', size_bytes: 10 } });
    const member = await api('POST', `/customers/${customer.customer_id}/users`, { token: admin, body: { email: newcomer.email, role: 'member' } });
    const read = await api('GET', `/customers/${customer.customer_id}`, { token: admin });

    for (const refused of [upload, member]) {
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.body).toMatchObject({ customer_status: 'OFFBOARDED' });
      expect(refused.body.detail).toBe(`Customer ${customer.customer_id} has been offboarded; it accepts no new uploads, members or other changes.`);
    }
    expect(read.status).toBe(200);
    expect(await count()).toEqual(before);
  });
});
