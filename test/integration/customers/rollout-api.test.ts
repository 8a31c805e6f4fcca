import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  activeCustomer,
  adminToken,
  api,
  cloudFormationRequests,
  createTestUser,
  injectStackFault,
  localStack,
  refuseStackCall,
  runScheduledFunction,
  tenant,
  waitForStackStatus,
} from '../../support/local-stack.ts';

/**
 * `POST /admin/rollout` and `GET /admin/rollout` on the shared local stack.
 * The platform's template version does not change here (other files run
 * beside this one); the customers of this file are made "behind" as customers
 * from before template versions were recorded are: without `template_version`.
 * Their stacks already run the template in force, so CloudFormation answers
 * "No updates are to be performed", which a rollout counts as done.
 */
const dynamo = () =>
  new DynamoDBClient({ endpoint: localStack().dynamodb_endpoint, region: localStack().region, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });

async function forgetTemplateVersion(customerId: string): Promise<void> {
  await dynamo().send(
    new UpdateItemCommand({
      TableName: localStack().tables.customers,
      Key: { customer_id: { S: customerId } },
      UpdateExpression: 'REMOVE template_version',
      ConditionExpression: 'attribute_exists(customer_id)',
    }),
  );
}

async function legacyCustomer(): Promise<any> {
  const customer = await activeCustomer();
  await forgetTemplateVersion(customer.customer_id);
  return customer;
}

async function updateStacks(stackName: string): Promise<Record<string, string>[]> {
  return (await cloudFormationRequests()).filter((r) => r.action === 'UpdateStack' && r.params.StackName === stackName).map((r) => r.params);
}

async function customer(id: string): Promise<any> {
  return (await api('GET', `/customers/${id}`, { token: await adminToken() })).body;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

const currentTemplate = async (): Promise<{ version: string; url: string }> => (await fetch(`${localStack().control_url}/template`)).json() as never;

describe('who may run a rollout', () => {
  it('refuses anyone but a platform admin, customer admins included', async () => {
    const { admin } = await tenant();
    const stranger = await createTestUser();

    for (const token of [admin.token, stranger.token]) {
      const post = await api('POST', '/admin/rollout', { token, body: {} });
      const get = await api('GET', '/admin/rollout', { token });
      expect([post.status, get.status]).toEqual([403, 403]);
      expect(post.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await api('POST', '/admin/rollout', { body: {} })).status).toBe(401);
  });

  it('answers bad input 400 problem+json naming the field, and starts nothing', async () => {
    const token = await adminToken();
    const before = (await cloudFormationRequests()).length;

    const answers = await Promise.all([
      api('POST', '/admin/rollout', { token, body: { batch_size: 0 } }),
      api('POST', '/admin/rollout', { token, body: { batch_size: 51 } }),
      api('POST', '/admin/rollout', { token, body: { batch_size: 'ten' } }),
      api('POST', '/admin/rollout', { token, body: { batch_size: 2.5 } }),
      api('POST', '/admin/rollout', { token, body: { version: 'abc' } }),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(answers.map((a) => a.body.errors[0].field)).toEqual(['batch_size', 'batch_size', 'batch_size', 'batch_size', 'version']);
    expect(answers[0]?.body.errors[0].message).toBe('must be at least 1');
    expect((await cloudFormationRequests()).slice(before).filter((r) => r.action === 'UpdateStack')).toEqual([]);
  });
});

describe('a rollout on the shared stack', () => {
  it('brings customers without a template version to the one in force, one UpdateStack each under 30 parallel requests', async () => {
    const token = await adminToken();
    const template = await currentTemplate();
    const customers = await Promise.all([legacyCustomer(), legacyCustomer(), legacyCustomer()]);
    expect((await customer(customers[0].customer_id)).template_version).toBeUndefined();

    const answers = await Promise.all(Array.from({ length: 30 }, () => api('POST', '/admin/rollout', { token, body: { batch_size: 10 } })));

    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(202));
    expect(answers[0]?.body).toMatchObject({ target_version: template.version, batch_size: 10 });
    for (const { customer_id, stack_name } of customers) {
      const now = await eventually(() => customer(customer_id), (c) => c.template_version === template.version);
      expect(now).toMatchObject({ status: 'ACTIVE', template_version: template.version });
      const sent = await updateStacks(stack_name);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ TemplateURL: template.url, 'Parameters.member.1.ParameterValue': customer_id, ClientRequestToken: expect.stringMatching(/^rollout-/) });
      expect(sent[0]?.UsePreviousTemplate).toBeUndefined();
    }
    const progress = await api('GET', '/admin/rollout', { token });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ target_version: template.version, started_at: expect.any(String), counts: expect.any(Object) });
    expect(progress.body.failed.map((f: { customer_id: string }) => f.customer_id)).not.toContain(customers[0].customer_id);
  });

  it('retries a busy stack later instead of failing it, and a refused update with the sweep, within its attempts', async () => {
    const token = await adminToken();
    const template = await currentTemplate();
    const [busy, refused] = await Promise.all([legacyCustomer(), legacyCustomer()]);
    await refuseStackCall(busy.customer_id, 'UpdateStack', `Stack:arn:aws:cloudformation:us-east-1:000000000000:stack/${busy.stack_name}/x is in UPDATE_IN_PROGRESS state and can not be updated.`);
    await refuseStackCall(refused.customer_id, 'UpdateStack', 'Template format error: unsupported structure.');

    const started = await api('POST', '/admin/rollout', { token, body: {} });

    expect(started.status).toBe(202);
    // The busy stack is not a failure: the customer waits for the next step.
    expect((await customer(busy.customer_id)).template_update?.state).not.toBe('failed');
    const failed = await eventually(() => customer(refused.customer_id), (c) => c.template_update?.state === 'failed');
    expect(failed).toMatchObject({ status: 'ACTIVE', template_update: { state: 'failed', attempts: 1, reason: 'UpdateStack refused: Template format error: unsupported structure.' } });
    const progress = (await api('GET', '/admin/rollout', { token })).body;
    expect(progress.failed).toContainEqual({ customer_id: refused.customer_id, reason: 'UpdateStack refused: Template format error: unsupported structure.', attempts: 1, will_retry: true });

    await runScheduledFunction('customers.reconcile');

    for (const { customer_id, stack_name } of [busy, refused]) {
      expect(await eventually(() => customer(customer_id), (c) => c.template_version === template.version)).toMatchObject({ template_version: template.version });
      expect(await updateStacks(stack_name)).toHaveLength(2);
    }
  });
});

describe('a PATCH whose stack update fails', () => {
  it('is recorded on the customer, which stays ACTIVE, until an update succeeds', async () => {
    const token = await adminToken();
    const active = await activeCustomer({ plan: 'free' });
    await injectStackFault(active.customer_id, 'update', 'Usage plan key limit exceeded');

    expect((await api('PATCH', `/customers/${active.customer_id}`, { token, body: { plan: 'premium' } })).status).toBe(200);

    const failed = await eventually(() => customer(active.customer_id), (c) => c.stack_update_failure !== undefined);
    expect(failed.status).toBe('ACTIVE');
    expect(failed.stack_update_failure).toEqual({
      status: 'UPDATE_ROLLBACK_IN_PROGRESS',
      reason: 'Stack UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to update: [Bucket83908E77]. Usage plan key limit exceeded',
      at: expect.any(String),
    });
    await waitForStackStatus(active.stack_name, 'UPDATE_ROLLBACK_COMPLETE');
    expect((await customer(active.customer_id)).stack_update_failure).toEqual(failed.stack_update_failure);

    // The same PATCH again applies it.
    expect((await api('PATCH', `/customers/${active.customer_id}`, { token, body: { plan: 'premium' } })).status).toBe(200);
    const applied = await eventually(() => customer(active.customer_id), (c) => c.stack_update_failure === undefined);
    expect(applied.stack_update_failure).toBeUndefined();
    expect(applied.status).toBe('ACTIVE');
  });
});
