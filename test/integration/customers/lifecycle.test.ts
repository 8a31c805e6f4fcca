import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeCustomer,
  adminToken,
  api,
  cloudFormationRequests,
  countItems,
  customerBody,
  describeStack,
  injectStackFault,
  localS3,
  waitForCustomerStatus,
  waitForStackStatus,
} from '../../support/local-stack.ts';

let token: string;
beforeAll(async () => {
  token = await adminToken();
});

describe('GET /customers', () => {
  it('pages through every customer newest first with limit and next_token', async () => {
    for (let i = 0; i < 3; i += 1) await api('POST', '/customers', { token, body: customerBody() });
    const total = await countItems('customers');

    const seen: string[] = [];
    const createdAt: string[] = [];
    let next: string | undefined;
    do {
      const page = await api('GET', `/customers?limit=2${next ? `&next_token=${encodeURIComponent(next)}` : ''}`, { token });
      expect(page.status).toBe(200);
      expect(page.body.customers.length).toBeLessThanOrEqual(2);
      expect(page.body.count).toBe(page.body.customers.length);
      seen.push(...page.body.customers.map((c: { customer_id: string }) => c.customer_id));
      createdAt.push(...page.body.customers.map((c: { created_at: string }) => c.created_at));
      next = page.body.next_token;
    } while (next);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(total);
    expect(createdAt).toEqual([...createdAt].sort().reverse());
  });

  it('filters by status', async () => {
    const customer = await activeCustomer();
    await api('POST', `/customers/${customer.customer_id}/deactivate`, { token });

    const inactive = await api('GET', '/customers?status=INACTIVE&limit=100', { token });

    expect(inactive.status).toBe(200);
    expect(inactive.body.customers.map((c: { customer_id: string }) => c.customer_id)).toContain(customer.customer_id);
    expect(inactive.body.customers.every((c: { status: string }) => c.status === 'INACTIVE')).toBe(true);
  });

  it.each([
    ['limit=0', 'limit', /at least 1/],
    ['limit=101', 'limit', /at most 100/],
    ['limit=ten', 'limit', /whole number/],
    ['status=SLEEPING', 'status', /must be one of: PROVISIONING, PROVISION_FAILED, ACTIVE, INACTIVE, OFFBOARDING, OFFBOARDED/],
    ['next_token=garbage', 'next_token', /not a token this listing returned/],
    [`next_token=${Buffer.from('{"customer_id":"x"}').toString('base64url')}`, 'next_token', /not a token this listing returned/],
    ['sort=name', 'sort', /not a known field/],
  ])('answers 400 naming the parameter for %s', async (query, field, message) => {
    const response = await api('GET', `/customers?${query}`, { token });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors[0].field).toBe(field);
    expect(response.body.errors[0].message).toMatch(message);
  });

  it('refuses a next_token from a listing with another status filter', async () => {
    await activeCustomer();
    await activeCustomer();
    const page = await api('GET', '/customers?status=ACTIVE&limit=1', { token });
    expect(page.body.next_token).toEqual(expect.any(String));

    const response = await api('GET', `/customers?status=INACTIVE&next_token=${page.body.next_token}`, { token });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('next_token');
  });
});

describe('GET /customers/{customer_id}', () => {
  it('answers 404 problem+json to a platform admin for an unknown customer', async () => {
    const response = await api('GET', '/customers/nobody-00000000', { token });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('PATCH /customers/{customer_id}', () => {
  it('applies a merge patch: sets fields and clears optional ones with null', async () => {
    const customer = await activeCustomer({ display_name: 'Acme', contact_phone: '+1 555 0100' });

    const response = await api('PATCH', `/customers/${customer.customer_id}`, {
      token,
      body: { max_storage_gb: 7000, display_name: null, description: 'Sequencing core' },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ max_storage_gb: 7000, description: 'Sequencing core', contact_phone: '+1 555 0100' });
    expect(response.body).not.toHaveProperty('display_name');
    const reread = await api('GET', `/customers/${customer.customer_id}`, { token });
    expect(reread.body).toEqual(response.body);
  });

  it('pushes a billing change to the customer stack so the bucket tags follow', async () => {
    const customer = await activeCustomer();

    const response = await api('PATCH', `/customers/${customer.customer_id}`, { token, body: { cost_center: 'CC-NEW' } });

    expect(response.status).toBe(200);
    const updates = (await cloudFormationRequests()).filter(
      (r) => r.action === 'UpdateStack' && r.params.StackName === customer.stack_name,
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.params).toMatchObject({
      UsePreviousTemplate: 'true',
      'Parameters.member.2.ParameterKey': 'CostCenter',
      'Parameters.member.2.ParameterValue': 'CC-NEW',
      'Tags.member.2.Key': 'CostCenter',
      'Tags.member.2.Value': 'CC-NEW',
    });
    expect(updates[0]?.params.ClientRequestToken).toMatch(new RegExp(`^update-${customer.customer_id}-\\d+$`));
  });

  it.each([
    [{}, '', /at least one field/],
    [{ max_concurrent_worksets: 0 }, 'max_concurrent_worksets', /at least 1/],
    [{ customer_name: null }, 'customer_name', /expected string/],
    [{ status: 'ACTIVE' }, 'status', /not a known field/],
    [{ s3_bucket: 'elsewhere' }, 's3_bucket', /not a known field/],
  ])('answers 400 and changes nothing for %j', async (patch, field, message) => {
    const customer = await activeCustomer();

    const response = await api('PATCH', `/customers/${customer.customer_id}`, { token, body: patch });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe(field);
    expect(response.body.errors[0].message).toMatch(message);
    const reread = await api('GET', `/customers/${customer.customer_id}`, { token });
    expect(reread.body.updated_at).toBe(customer.updated_at);
  });

  it('answers 404 for an unknown customer', async () => {
    const response = await api('PATCH', '/customers/nobody-00000000', { token, body: { description: 'x' } });

    expect(response.status).toBe(404);
  });
});

describe('deactivate and activate', () => {
  it('moves ACTIVE → INACTIVE → ACTIVE and answers 409 to a transition the state machine refuses', async () => {
    const customer = await activeCustomer();
    const id = customer.customer_id;

    const deactivated = await api('POST', `/customers/${id}/deactivate`, { token });
    const again = await api('POST', `/customers/${id}/deactivate`, { token });
    const activated = await api('POST', `/customers/${id}/activate`, { token });
    const twice = await api('POST', `/customers/${id}/activate`, { token });

    expect(deactivated.status).toBe(200);
    expect(deactivated.body.status).toBe('INACTIVE');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(again.body.detail).toBe(`Customer ${id} is INACTIVE; it can be deactivated only when it is ACTIVE.`);
    expect(activated.body.status).toBe('ACTIVE');
    expect(twice.status).toBe(409);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await api('POST', '/customers/nobody-00000000/deactivate', { token })).status).toBe(404);
  });
});

describe('DELETE /customers/{customer_id} (offboarding)', () => {

  it('deletes the stack, keeps the bucket and the record, and ends OFFBOARDED', async () => {
    const customer = await activeCustomer();
    const id = customer.customer_id;

    const response = await api('DELETE', `/customers/${id}?confirm=${id}`, { token });

    expect(response.status).toBe(202);
    expect(response.body.status).toBe('OFFBOARDING');
    const offboarded = await waitForCustomerStatus(id, 'OFFBOARDED');
    expect(offboarded.offboarded_at).toEqual(expect.any(String));
    await expect(localS3().send(new HeadBucketCommand({ Bucket: customer.s3_bucket }))).resolves.toBeDefined();
    const deletes = (await cloudFormationRequests()).filter((r) => r.action === 'DeleteStack' && r.params.StackName === customer.stack_name);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.params.RoleARN).toBe('arn:aws:iam::000000000000:role/portico-local-customer-stacks');

    const reactivate = await api('POST', `/customers/${id}/activate`, { token });
    expect(reactivate.status).toBe(409);
    const patch = await api('PATCH', `/customers/${id}`, { token, body: { description: 'x' } });
    expect(patch.status).toBe(409);
  });

  it('requires confirm to repeat the customer id', async () => {
    const customer = await activeCustomer();
    const id = customer.customer_id;

    const missing = await api('DELETE', `/customers/${id}`, { token });
    const wrong = await api('DELETE', `/customers/${id}?confirm=someone-else`, { token });

    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'confirm', message: `must equal the customer id '${id}' to offboard it` }]);
    expect((await api('GET', `/customers/${id}`, { token })).body.status).toBe('ACTIVE');
  });

  it('keeps OFFBOARDING with the reason when the stack deletion fails, and a second DELETE retries it', async () => {
    const customer = await activeCustomer();
    const id = customer.customer_id;
    await injectStackFault(id, 'delete', 'Bucket policy is locked');

    await api('DELETE', `/customers/${id}?confirm=${id}`, { token });
    const deadline = Date.now() + 5000;
    let current = (await api('GET', `/customers/${id}`, { token })).body;
    while (!current.status_reason && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      current = (await api('GET', `/customers/${id}`, { token })).body;
    }
    expect(current.status).toBe('OFFBOARDING');
    expect(current.status_reason).toBe('Stack DELETE_FAILED: Bucket policy is locked. Send DELETE again to retry.');

    const retry = await api('DELETE', `/customers/${id}?confirm=${id}`, { token });
    expect(retry.status).toBe(202);
    await waitForCustomerStatus(id, 'OFFBOARDED');
  });

  it('offboards a customer whose create failed by deleting the rolled-back stack it left', async () => {
    const slug = `nc-${Date.now().toString(36)}`;
    await injectStackFault(slug, 'create', 'Access denied');
    const created = await api('POST', '/customers', { token, body: customerBody({ customer_name: slug }) });
    const id = created.body.customer_id;
    await waitForCustomerStatus(id, 'PROVISION_FAILED');
    await waitForStackStatus(created.body.stack_name, 'ROLLBACK_COMPLETE');

    const response = await api('DELETE', `/customers/${id}?confirm=${id}`, { token });

    expect(response.status).toBe(202);
    expect(response.body.status).toBe('OFFBOARDING');
    await waitForCustomerStatus(id, 'OFFBOARDED');
    expect(await describeStack(created.body.stack_name)).toBeUndefined();
  });
});

describe('GET /customers/{customer_id}/statistics', () => {
  it('answers members, quotas and dates', async () => {
    const customer = await activeCustomer({ max_concurrent_worksets: 7, max_storage_gb: 900, plan: 'free' });

    const response = await api('GET', `/customers/${customer.customer_id}/statistics`, { token });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      customer_id: customer.customer_id,
      status: 'ACTIVE',
      plan: 'free',
      total_users: 0,
      admin_users: 0,
      member_users: 0,
      quotas: { max_concurrent_worksets: 7, max_storage_gb: 900, max_runs_per_month: 10, max_samples_per_workset: 10, requests_per_second: 5, burst: 10 },
      worksets: { active_worksets: 0, runs_this_month: 0 },
      storage: { storage_bytes: 0, reserved_bytes: 0, object_count: 0, storage_gb: 0, storage_utilization_percent: 0 },
      created_at: customer.created_at,
      activated_at: customer.activated_at,
      days_since_onboarding: 0,
    });
  });
});
