import { randomBytes } from 'node:crypto';
import { CreateStackCommand, DeleteStackCommand, type Parameter } from '@aws-sdk/client-cloudformation';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeCustomer,
  adminToken,
  api,
  backdateCustomer,
  cloudFormationRequests,
  customerBody,
  dropStackEvent,
  failStackEventDeliveries,
  injectStackFault,
  localCloudFormation,
  localS3,
  localStack,
  makeStackCallsUnavailable,
  runScheduledFunction,
  waitForCustomerStatus,
  waitForStackStatus,
} from '../../support/local-stack.ts';

const RECONCILE = 'customers.reconcile';
/** Longer than the sweep's threshold (RECONCILE_STALE_AFTER_SECONDS, 5 minutes by default). */
const OLDER_THAN_THRESHOLD_SECONDS = 6 * 60;

let token: string;
beforeAll(async () => {
  token = await adminToken();
});

/** A name whose slug (the first 20 characters) is the customer id's unique prefix, so faults can target it. */
const uniqueSlug = (what: string) => `${what}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

const bucketExists = (bucket: string) =>
  localS3()
    .send(new HeadBucketCommand({ Bucket: bucket }))
    .then(
      () => true,
      () => false,
    );

const getCustomer = async (id: string) => (await api('GET', `/customers/${id}`, { token })).body;

/** The CloudFormation calls made for one stack, in order. */
async function stackCalls(stackName: string) {
  return (await cloudFormationRequests()).filter((r) => r.params.StackName === stackName);
}

async function onboard(slug: string) {
  const created = await api('POST', '/customers', { token, body: customerBody({ customer_name: slug }) });
  if (created.status !== 202) throw new Error(`onboarding failed: ${created.status} ${created.text}`);
  return created.body as { customer_id: string; stack_name: string; s3_bucket: string };
}

describe('a lost stack status event delays a customer, never strands it', () => {
  it('a customer whose CREATE_COMPLETE was lost stays PROVISIONING; POST /provision reads the stack and makes it ACTIVE', async () => {
    const slug = uniqueSlug('lostc');
    await dropStackEvent(slug, 'CREATE_COMPLETE');
    const customer = await onboard(slug);
    await waitForStackStatus(customer.stack_name, 'CREATE_COMPLETE');
    expect((await getCustomer(customer.customer_id)).status).toBe('PROVISIONING');

    const provisioned = await api('POST', `/customers/${customer.customer_id}/provision`, { token });

    expect(provisioned.status).toBe(202);
    expect(provisioned.body.status).toBe('ACTIVE');
    expect(provisioned.body.activated_at).toEqual(expect.any(String));
    expect(await getCustomer(customer.customer_id)).toEqual(provisioned.body);
    // Read, not re-sent: the stack was already there.
    expect((await stackCalls(customer.stack_name)).map((r) => r.action)).toEqual(['CreateStack', 'DescribeStacks']);
  });

  it('the sweep makes it ACTIVE once it has waited longer than the threshold, and leaves younger customers alone', async () => {
    const slug = uniqueSlug('losts');
    await dropStackEvent(slug, 'CREATE_COMPLETE');
    const customer = await onboard(slug);
    await waitForStackStatus(customer.stack_name, 'CREATE_COMPLETE');

    const early = await runScheduledFunction(RECONCILE);
    expect(early.customers.map((c: { customer_id: string }) => c.customer_id)).not.toContain(customer.customer_id);
    expect((await getCustomer(customer.customer_id)).status).toBe('PROVISIONING');

    await backdateCustomer(customer.customer_id, OLDER_THAN_THRESHOLD_SECONDS);
    const sweep = await runScheduledFunction(RECONCILE);

    expect(sweep.customers).toContainEqual({ customer_id: customer.customer_id, status: 'PROVISIONING', reconciliation: 'apply' });
    const active = await getCustomer(customer.customer_id);
    expect(active.status).toBe('ACTIVE');
    expect(active.updated_by).toBe('system:reconcile');
  });

  it('an OFFBOARDING customer whose DELETE_COMPLETE was lost becomes OFFBOARDED by the sweep, and keeps its bucket', async () => {
    const customer = await activeCustomer({ customer_name: uniqueSlug('lostd') });
    const id: string = customer.customer_id;
    await dropStackEvent(id, 'DELETE_COMPLETE');
    const offboarding = await api('DELETE', `/customers/${id}?confirm=${id}`, { token });
    expect(offboarding.body.status).toBe('OFFBOARDING');
    await waitForStackStatus(customer.stack_name, 'none');
    expect((await getCustomer(id)).status).toBe('OFFBOARDING');

    await backdateCustomer(id, OLDER_THAN_THRESHOLD_SECONDS);
    const sweep = await runScheduledFunction(RECONCILE);

    expect(sweep.customers).toContainEqual({ customer_id: id, status: 'OFFBOARDING', reconciliation: 'apply' });
    const offboarded = await getCustomer(id);
    expect(offboarded.status).toBe('OFFBOARDED');
    expect(offboarded.offboarded_at).toEqual(expect.any(String));
    expect(await bucketExists(customer.s3_bucket)).toBe(true);
  });

  it('an offboarding whose DeleteStack cannot reach CloudFormation answers 503, and the sweep sends DeleteStack again', async () => {
    const customer = await activeCustomer({ customer_name: uniqueSlug('cfdown') });
    const id: string = customer.customer_id;
    // Both attempts the SDK makes.
    await makeStackCallsUnavailable(id, 'DeleteStack', 2);

    const refused = await api('DELETE', `/customers/${id}?confirm=${id}`, { token });

    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toEqual(expect.any(String));
    expect((await getCustomer(id)).status).toBe('OFFBOARDING');
    await backdateCustomer(id, OLDER_THAN_THRESHOLD_SECONDS);
    const sweep = await runScheduledFunction(RECONCILE);
    expect(sweep.customers).toContainEqual({ customer_id: id, status: 'OFFBOARDING', reconciliation: 'send-delete' });
    await waitForCustomerStatus(id, 'OFFBOARDED');
  });

  it('POST /provision answers 503 and changes nothing while CloudFormation cannot be read', async () => {
    const slug = uniqueSlug('cfdn2');
    await dropStackEvent(slug, 'CREATE_COMPLETE');
    const customer = await onboard(slug);
    await waitForStackStatus(customer.stack_name, 'CREATE_COMPLETE');
    const before = await getCustomer(customer.customer_id);
    await makeStackCallsUnavailable(customer.customer_id, 'DescribeStacks', 2);

    const refused = await api('POST', `/customers/${customer.customer_id}/provision`, { token });

    expect(refused.status).toBe(503);
    expect(await getCustomer(customer.customer_id)).toEqual(before);
    expect((await api('POST', `/customers/${customer.customer_id}/provision`, { token })).body.status).toBe('ACTIVE');
  });

  it('an event whose first deliveries fail is retried, as EventBridge retries its target', async () => {
    const slug = uniqueSlug('flaky');
    await failStackEventDeliveries(slug, 'CREATE_COMPLETE', 2);

    const customer = await onboard(slug);

    expect((await waitForCustomerStatus(customer.customer_id, 'ACTIVE')).status).toBe('ACTIVE');
  });
});

describe('a create that failed after its bucket existed can be retried', () => {
  it('fails to PROVISION_FAILED, refuses a retry during the rollback, then deletes the rolled-back stack and creates it again', async () => {
    const slug = uniqueSlug('polf');
    await injectStackFault(slug, 'create-after-bucket', 'Invalid policy', { rollbackMs: 2000 });
    const customer = await onboard(slug);
    const id = customer.customer_id;

    const failed = await waitForCustomerStatus(id, 'PROVISION_FAILED');
    expect(failed.status_reason).toBe(
      'Stack ROLLBACK_IN_PROGRESS: The following resource(s) failed to create: [BucketPolicyE9A3008A]. Rollback requested by user.',
    );
    const tooEarly = await api('POST', `/customers/${id}/provision`, { token });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.headers.get('retry-after')).toBe('15');
    expect(tooEarly.body).toMatchObject({ current_status: 'PROVISION_FAILED', stack_status: 'ROLLBACK_IN_PROGRESS' });

    await waitForStackStatus(customer.stack_name, 'ROLLBACK_COMPLETE');
    // RetainExceptOnCreate: the rollback deleted the bucket the failed create made.
    expect(await bucketExists(customer.s3_bucket)).toBe(false);
    const retried = await api('POST', `/customers/${id}/provision`, { token });
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('PROVISIONING');
    expect(retried.body).not.toHaveProperty('status_reason');

    await waitForCustomerStatus(id, 'ACTIVE');
    expect(await bucketExists(customer.s3_bucket)).toBe(true);
    const calls = await stackCalls(customer.stack_name);
    expect(calls.map((r) => [r.action, r.params.ClientRequestToken])).toEqual([
      ['CreateStack', `create-${id}-1`],
      ['DescribeStacks', undefined],
      ['DescribeStacks', undefined],
      ['DeleteStack', `cleanup-${id}-2`],
      ['CreateStack', `create-${id}-2`],
    ]);
    expect(calls[3]?.params).toEqual({
      Action: 'DeleteStack',
      Version: '2010-05-15',
      StackName: customer.stack_name,
      RoleARN: 'arn:aws:iam::000000000000:role/portico-local-customer-stacks',
      ClientRequestToken: `cleanup-${id}-2`,
    });
    expect(calls[4]?.params).toMatchObject({ RetainExceptOnCreate: 'true', ClientRequestToken: `create-${id}-2` });
    expect(calls[4]?.params).not.toHaveProperty('OnFailure');
  });

  it('starts one attempt for concurrent retries', async () => {
    const slug = uniqueSlug('twice');
    await injectStackFault(slug, 'create', 'Access denied');
    const customer = await onboard(slug);
    const id = customer.customer_id;
    await waitForCustomerStatus(id, 'PROVISION_FAILED');
    await waitForStackStatus(customer.stack_name, 'ROLLBACK_COMPLETE');

    const answers = await Promise.all([1, 2, 3].map(() => api('POST', `/customers/${id}/provision`, { token })));

    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    await waitForCustomerStatus(id, 'ACTIVE');
    const calls = (await stackCalls(customer.stack_name)).filter((r) => r.action !== 'DescribeStacks');
    expect(new Set(calls.map((r) => `${r.action} ${r.params.ClientRequestToken}`))).toEqual(
      new Set([`CreateStack create-${id}-1`, `DeleteStack cleanup-${id}-2`, `CreateStack create-${id}-2`]),
    );
    const trail = await api('GET', `/customers/${id}/audit?limit=100`, { token });
    expect(trail.body.events.filter((e: { action: string }) => e.action === 'customer.provisioning_retried')).toHaveLength(1);
  });
});

describe('the local provisioner rolls back as CloudFormation documents', () => {
  const parameters = (customerId: string): Parameter[] =>
    Object.entries({ CustomerId: customerId, CostCenter: 'CC', BillingAccount: 'BA', Environment: 'local', NoncurrentVersionExpirationDays: '30', Plan: 'free' }).map(
      ([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }),
    );

  it('without RetainExceptOnCreate, a rolled-back create keeps the bucket it made, and the next create of the name fails on it', async () => {
    const customerId = `noretain-${randomBytes(4).toString('hex')}`;
    const StackName = `portico-customer-${customerId}`;
    const bucket = `${localStack().bucket_prefix}-${customerId}`;
    const create = (ClientRequestToken: string) =>
      localCloudFormation().send(new CreateStackCommand({ StackName, TemplateURL: 'http://template', Parameters: parameters(customerId), ClientRequestToken }));
    await injectStackFault(customerId, 'create-after-bucket', 'Invalid policy');

    await create('first-attempt');
    await waitForStackStatus(StackName, 'ROLLBACK_COMPLETE');

    expect(await bucketExists(bucket)).toBe(true);
    // The failed stack holds the name until it is deleted.
    await expect(create('second-attempt')).rejects.toMatchObject({ name: 'AlreadyExistsException' });
    await localCloudFormation().send(new DeleteStackCommand({ StackName, ClientRequestToken: 'remove-failed' }));
    await waitForStackStatus(StackName, 'none');
    await create('second-attempt');
    // No fault this time: the bucket left behind is what fails it.
    await waitForStackStatus(StackName, 'ROLLBACK_COMPLETE');
  });
});
