import { describe, expect, it } from 'vitest';
import { activeCustomer, adminToken, api, backdateCustomer, customerBody, customerWithMember, dropStackEvent } from '../../support/local-stack.ts';

const status = async () => {
  const answer = await api('GET', '/admin/status', { token: await adminToken() });
  expect({ status: answer.status, body: answer.text }).toMatchObject({ status: 200 });
  return answer.body;
};

/** `GET /admin/status` (issue 9, item 8): the fleet as an operator needs it. */
describe('platform status', () => {
  it('counts customers by status, plan and template version, their storage and worksets, and the dead-letter queues', async () => {
    await activeCustomer({ plan: 'enterprise' });
    const body = await status();
    expect(body.customers).toBeGreaterThanOrEqual(1);
    expect(body.by_status.ACTIVE).toBeGreaterThanOrEqual(1);
    expect(body.by_plan.enterprise).toBeGreaterThanOrEqual(1);
    expect(Object.values(body.by_status).reduce((a: number, b) => a + (b as number), 0)).toBe(body.customers);
    expect(Object.values(body.by_plan).reduce((a: number, b) => a + (b as number), 0)).toBe(body.customers);
    expect(body).toMatchObject({ storage_bytes: expect.any(Number), active_worksets: expect.any(Number), dead_letter_queues: [], dead_letter_messages: 0 });
    expect(typeof body.current_template_version).toBe('string');
    expect(body.template_versions[body.current_template_version]).toBeGreaterThanOrEqual(1);
  });

  it('counts a customer left PROVISIONING by a lost event as stuck once it has waited half an hour', async () => {
    const before = await status();
    const stuckBody = customerBody();
    const created = await api('POST', '/customers', { token: await adminToken(), body: stuckBody });
    expect(created.status).toBe(202);
    await dropStackEvent(created.body.customer_id, 'CREATE_COMPLETE');
    await backdateCustomer(created.body.customer_id, 31 * 60);

    const after = await status();
    expect(after.stuck.count).toBeGreaterThanOrEqual(before.stuck.count + 1);
    expect(after.stuck.customers.length).toBeLessThanOrEqual(20);
    expect(after.by_status.PROVISIONING).toBeGreaterThanOrEqual(1);
  });

  it('is for platform admins only', async () => {
    const { member } = await customerWithMember();
    const denied = await api('GET', '/admin/status', { token: member.token });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/problem+json');
  });
});
