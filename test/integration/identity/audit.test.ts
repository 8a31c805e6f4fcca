import { describe, expect, it } from 'vitest';
import { activeCustomer, addMember, adminToken, api, createTestUser } from '../../support/local-stack.ts';

describe('GET /customers/{customer_id}/audit', () => {
  it('records every administrative action with who, what, when, target and request id, newest first', async () => {
    const token = await adminToken();
    const customer = await activeCustomer();
    const id = customer.customer_id;
    const [owner, scientist] = [await createTestUser(), await createTestUser()];
    await addMember(id, owner.email, 'admin');
    await addMember(id, scientist.email, 'member');
    await api('PATCH', `/customers/${id}/users/${scientist.userId}`, { token: owner.token, body: { role: 'admin' } });
    await api('PATCH', `/customers/${id}`, { token, body: { max_storage_gb: 6000 } });
    await api('PATCH', `/customers/${id}`, { token, body: { description: 'Core lab' } });
    await api('POST', `/customers/${id}/deactivate`, { token });
    await api('POST', `/customers/${id}/activate`, { token });
    await api('DELETE', `/customers/${id}/users/${scientist.userId}`, { token: owner.token });

    const trail = await api('GET', `/customers/${id}/audit?limit=100`, { token: owner.token });

    expect(trail.status).toBe(200);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual([
      'membership.removed',
      'customer.activated',
      'customer.deactivated',
      'customer.updated',
      'customer.quota_changed',
      'membership.role_changed',
      'membership.added',
      'membership.added',
      'customer.provisioned',
      'customer.created',
    ]);
    const times = trail.body.events.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const quota = trail.body.events.find((e: { action: string }) => e.action === 'customer.quota_changed');
    expect(quota).toMatchObject({
      actor: expect.any(String),
      actor_email: 'admin@portico.local',
      target: id,
      request_id: expect.any(String),
      details: { changes: { max_storage_gb: { from: 5000, to: 6000 } } },
    });
    const removal = trail.body.events[0];
    expect(removal).toMatchObject({ actor: owner.userId, target: `user:${scientist.userId}` });
  });

  it('pages newest first with limit and next_token, for customer admins only', async () => {
    const customer = await activeCustomer();
    const [owner, member] = [await createTestUser(), await createTestUser()];
    await addMember(customer.customer_id, owner.email, 'admin');
    await addMember(customer.customer_id, member.email, 'member');

    const first = await api('GET', `/customers/${customer.customer_id}/audit?limit=2`, { token: owner.token });
    const second = await api('GET', `/customers/${customer.customer_id}/audit?limit=2&next_token=${first.body.next_token}`, { token: owner.token });
    const asMember = await api('GET', `/customers/${customer.customer_id}/audit`, { token: member.token });

    expect(first.body.events).toHaveLength(2);
    expect(second.body.events.length).toBeGreaterThan(0);
    const all = [...first.body.events, ...second.body.events].map((e: { event_id: string }) => e.event_id);
    expect(new Set(all).size).toBe(all.length);
    expect(asMember.status).toBe(403);
  });
});
