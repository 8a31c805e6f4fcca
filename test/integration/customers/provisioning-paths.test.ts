import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customerSlug } from '#shared/customers/customer-id.ts';
import {
  adminToken,
  api,
  backdateCustomer,
  cloudFormationRequests,
  customerBody,
  makeStackCallsUnavailable,
  refuseStackCall,
  runScheduledFunction,
  waitForCustomerStatus,
} from '../../support/local-stack.ts';

/** A customer body whose id prefix is known before the customer exists, so faults can target its stack. */
function uniqueCustomer(): { body: Record<string, unknown>; slug: string } {
  const name = `Path Genomics ${randomUUID().slice(0, 8)}`;
  return { body: customerBody({ customer_name: name }), slug: customerSlug(name) };
}

async function creates(customerId: string): Promise<number> {
  return (await cloudFormationRequests()).filter((r) => r.action === 'CreateStack' && r.params.StackName === `portico-customer-${customerId}`).length;
}

describe('a CreateStack that never got through', () => {
  it('leaves the customer PROVISIONING (202), and POST /provision sends it again', async () => {
    const { body, slug } = uniqueCustomer();
    await makeStackCallsUnavailable(slug, 'CreateStack', 2);

    const created = await api('POST', '/customers', { token: await adminToken(), body });

    expect(created.status).toBe(202);
    expect(created.body.status).toBe('PROVISIONING');
    const id = created.body.customer_id;
    expect(await creates(id)).toBe(2);
    const retried = await api('POST', `/customers/${id}/provision`, { token: await adminToken() });
    expect(retried.status).toBe(202);
    await waitForCustomerStatus(id, 'ACTIVE');
    expect(await creates(id)).toBe(3);
  });

  it('is sent again by the reconciliation sweep', async () => {
    const { body, slug } = uniqueCustomer();
    await makeStackCallsUnavailable(slug, 'CreateStack', 2);
    const id = (await api('POST', '/customers', { token: await adminToken(), body })).body.customer_id;
    await backdateCustomer(id, 600);

    await runScheduledFunction('customers.reconcile');

    const active = await waitForCustomerStatus(id, 'ACTIVE');
    expect(active.customer_id).toBe(id);
    expect(await creates(id)).toBe(3);
  });
});

describe('a CreateStack CloudFormation refuses', () => {
  it('makes the customer PROVISION_FAILED with the reason, at once', async () => {
    const { body, slug } = uniqueCustomer();
    await refuseStackCall(slug, 'CreateStack', 'Template format error: local fault');

    const created = await api('POST', '/customers', { token: await adminToken(), body });

    expect(created.status).toBe(202);
    expect(created.body.status).toBe('PROVISION_FAILED');
    expect(created.body.status_reason).toBe('CreateStack failed: Template format error: local fault');
  });
});

describe('an UpdateStack while the stack is still applying an earlier change', () => {
  it('answers 409 with Retry-After, keeps the change, and the same PATCH sent again updates the stack', async () => {
    const { body, slug } = uniqueCustomer();
    const token = await adminToken();
    const created = await api('POST', '/customers', { token, body });
    const id = created.body.customer_id as string;
    await waitForCustomerStatus(id, 'ACTIVE');
    await refuseStackCall(slug, 'UpdateStack', `Stack:arn:aws:cloudformation:us-east-1:000000000000:stack/portico-customer-${id}/x is in UPDATE_IN_PROGRESS state and can not be updated.`);
    const updates = async () =>
      (await cloudFormationRequests()).filter((r) => r.action === 'UpdateStack' && r.params.StackName === `portico-customer-${id}`).length;

    const busy = await api('PATCH', `/customers/${id}`, { token, body: { plan: 'premium' } });
    const updatesAfterBusy = await updates();
    const again = await api('PATCH', `/customers/${id}`, { token, body: { plan: 'premium' } });

    expect(busy.status).toBe(409);
    expect(busy.headers.get('content-type')).toBe('application/problem+json');
    expect(busy.headers.get('retry-after')).toBe('30');
    expect((await api('GET', `/customers/${id}`, { token })).body.plan).toBe('premium');
    expect(again.status).toBe(200);
    expect(await updates()).toBe(updatesAfterBusy + 1);
  });
});
