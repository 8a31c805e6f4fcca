import { randomBytes, randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStackInfo } from '#local/stack.ts';
import { newStateDir, StackProcess } from '../local/stack-process.ts';

/**
 * A change of the customer template followed by a rollout brings every
 * customer to the new version, through the local provisioner: in batches, a
 * failed update recorded and retried, lost events made up for by the sweep,
 * replayed events changing nothing. On a stack of its own: switching the
 * template version the platform runs would make every other test's customers
 * behind.
 */
let stack: StackProcess;
let info: LocalStackInfo;
let token: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${info.api_url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${info.control_url}${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const answer = await response.json();
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const sweep = () => control('POST', '/schedules/customers.reconcile/run');

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${info.cloudformation_endpoint}/__local/faults`, { method: 'POST', body: JSON.stringify(fault) });
  if (response.status !== 204) throw new Error(`fault refused: ${await response.text()}`);
}

async function updateStackRequests(stackName: string): Promise<Record<string, string>[]> {
  const requests = (await (await fetch(`${info.cloudformation_endpoint}/__local/requests`)).json()) as { action: string; params: Record<string, string> }[];
  return requests.filter((r) => r.action === 'UpdateStack' && r.params.StackName === stackName).map((r) => r.params);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

const customerOf = async (id: string) => (await call('GET', `/customers/${id}`)).body;

async function onboard(slug: string): Promise<any> {
  const created = await call('POST', '/customers', {
    customer_name: `${slug} ${randomUUID().slice(0, 6)}`,
    email: `ops-${randomUUID().slice(0, 8)}@rollout.example`,
    billing_account_id: 'BA-7',
    cost_center: 'CC-ROLL',
    plan: 'premium',
  });
  if (created.status !== 202) throw new Error(`onboarding: ${created.status} ${JSON.stringify(created.body)}`);
  return until(`${created.body.customer_id} ACTIVE`, () => customerOf(created.body.customer_id), (c) => c.status === 'ACTIVE');
}

/** The exact UpdateStack a rollout sends: the template in force, the customer's parameters and tags, its own token. */
function expectRolloutRequest(params: Record<string, string> | undefined, customer: any, templateUrl: string): void {
  expect(params).toEqual({
    Action: 'UpdateStack',
    Version: '2010-05-15',
    StackName: customer.stack_name,
    TemplateURL: templateUrl,
    'Parameters.member.1.ParameterKey': 'CustomerId',
    'Parameters.member.1.ParameterValue': customer.customer_id,
    'Parameters.member.2.ParameterKey': 'CostCenter',
    'Parameters.member.2.ParameterValue': 'CC-ROLL',
    'Parameters.member.3.ParameterKey': 'BillingAccount',
    'Parameters.member.3.ParameterValue': 'BA-7',
    'Parameters.member.4.ParameterKey': 'Environment',
    'Parameters.member.4.ParameterValue': 'local',
    'Parameters.member.5.ParameterKey': 'NoncurrentVersionExpirationDays',
    'Parameters.member.5.ParameterValue': '30',
    'Parameters.member.6.ParameterKey': 'Plan',
    'Parameters.member.6.ParameterValue': 'premium',
    'Tags.member.1.Key': 'Customer',
    'Tags.member.1.Value': customer.customer_id,
    'Tags.member.2.Key': 'CostCenter',
    'Tags.member.2.Value': 'CC-ROLL',
    'Tags.member.3.Key': 'BillingAccount',
    'Tags.member.3.Value': 'BA-7',
    'Tags.member.4.Key': 'Environment',
    'Tags.member.4.Value': 'local',
    'Tags.member.5.Key': 'ManagedBy',
    'Tags.member.5.Value': 'portico',
    RoleARN: 'arn:aws:iam::000000000000:role/portico-local-customer-stacks',
    ClientRequestToken: expect.stringMatching(new RegExp(`^rollout-${customer.customer_id}-\\d{13}$`)),
  });
}

beforeAll(async () => {
  // Read back at once: an update whose events are lost is looked at by the very next sweep.
  const saved = process.env.RECONCILE_STALE_AFTER_SECONDS;
  process.env.RECONCILE_STALE_AFTER_SECONDS = '0';
  try {
    stack = new StackProcess(newStateDir(), ['--port', '0', '--fresh']);
  } finally {
    if (saved === undefined) delete process.env.RECONCILE_STALE_AFTER_SECONDS;
    else process.env.RECONCILE_STALE_AFTER_SECONDS = saved;
  }
  info = await stack.ready();
  const cognito = new CognitoIdentityProviderClient({ endpoint: info.cognito.endpoint, region: info.region, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const signedIn = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: info.cognito.client_id, AuthParameters: { USERNAME: info.admin.email, PASSWORD: info.admin.password } }),
  );
  token = signedIn.AuthenticationResult?.IdToken as string;
}, 90_000);

afterAll(async () => {
  await stack.stop();
});

describe('a customer template change followed by a rollout', () => {
  it('brings every ACTIVE customer to the new version in batches, retrying a failed update, and leaves an INACTIVE one behind', async () => {
    const first = (await control('GET', '/template')) as { version: string; url: string };
    const customers = [];
    for (const slug of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) customers.push(await onboard(`Roll ${slug}`));
    const [failing, , , , inactive] = customers;
    expect(customers.map((c) => c.template_version)).toEqual(Array(5).fill(first.version));
    expect((await call('POST', `/customers/${inactive.customer_id}/deactivate`)).status).toBe(200);

    // Deploy a changed template: the platform now runs v2.
    const v2 = `v2-${randomBytes(4).toString('hex')}`;
    const second = (await control('POST', '/template', { version: v2 })) as { version: string; url: string };
    expect(second).toEqual({ version: v2, url: `${info.cloudformation_endpoint}/templates/customer-${v2}.template.json` });
    await addFault({ stack_name_prefix: failing.stack_name, operation: 'update', reason: 'Resource handler returned message: "Throttled"' });

    const started = await call('POST', '/admin/rollout', { batch_size: 2 });

    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ started: true, target_version: v2, state: 'in_progress', batch_size: 2, max_attempts: 3 });
    // The first batch's events may already have come back; the rest waits.
    const { up_to_date: upToDate, updating, failed: failedNow, waiting, skipped } = started.body.counts;
    expect({ started: upToDate + updating + failedNow, waiting, skipped }).toEqual({ started: 2, waiting: 2, skipped: 1 });
    expect(started.body.skipped_by_status).toEqual({ INACTIVE: 1 });
    // The first batch: the two oldest customers, each with the template in force and its own parameters.
    expectRolloutRequest((await updateStackRequests(customers[0].stack_name))[0], customers[0], second.url);
    expectRolloutRequest((await updateStackRequests(customers[1].stack_name))[0], customers[1], second.url);
    expect(await updateStackRequests(customers[2].stack_name)).toEqual([]);

    // The failed update is recorded with the stack's reason; the customer stays ACTIVE.
    const failed = await until('the failed update recorded', () => customerOf(failing.customer_id), (c) => c.template_update?.state === 'failed');
    expect(failed).toMatchObject({ status: 'ACTIVE', template_version: first.version });
    expect(failed.template_update).toMatchObject({ version: v2, state: 'failed', attempts: 1 });
    expect(failed.template_update.reason).toBe(
      'Stack UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to update: [Bucket83908E77]. Resource handler returned message: "Throttled"',
    );
    const progress = await call('GET', '/admin/rollout');
    expect(progress.body.failed).toEqual([{ customer_id: failing.customer_id, reason: failed.template_update.reason, attempts: 1, will_retry: true }]);

    // The sweep continues batch by batch, and retries the failed one.
    await until(
      'the rollout complete',
      async () => {
        await sweep();
        return (await call('GET', '/admin/rollout')).body;
      },
      (p) => p.state === 'complete',
      30_000,
    );
    const final = (await call('GET', '/admin/rollout')).body;
    expect(final).toMatchObject({ target_version: v2, state: 'complete', counts: { up_to_date: 4, updating: 0, failed: 0, waiting: 0, skipped: 1 }, failed: [] });
    expect(final.completed_at).toEqual(expect.any(String));
    for (const customer of customers.slice(0, 4)) {
      const now = await customerOf(customer.customer_id);
      expect(now.template_version).toBe(v2);
      expect(now.template_update).toBeUndefined();
      const sent = await updateStackRequests(customer.stack_name);
      expect(sent).toHaveLength(customer === failing ? 2 : 1);
      for (const params of sent) expectRolloutRequest(params, customer, second.url);
    }
    // A retry is a new request: its own token.
    const [firstTry, retry] = await updateStackRequests(failing.stack_name);
    expect(retry?.ClientRequestToken).not.toBe(firstTry?.ClientRequestToken);
    expect((await customerOf(inactive.customer_id)).template_version).toBe(first.version);
    expect(await updateStackRequests(inactive.stack_name)).toEqual([]);

    // Re-activated, it is behind: the next POST takes it.
    expect((await call('POST', `/customers/${inactive.customer_id}/activate`)).status).toBe(200);
    const again = await call('POST', '/admin/rollout', {});
    expect(again.body).toMatchObject({ started: false, target_version: v2 });
    await until('the re-activated customer updated', () => customerOf(inactive.customer_id), (c) => c.template_version === v2);
  });

  it('converges when every event of a batch is lost, and a replayed event changes nothing', async () => {
    const customers = [await onboard('Lost one'), await onboard('Lost two')];
    const v3 = `v3-${randomBytes(4).toString('hex')}`;
    await control('POST', '/template', { version: v3 });
    for (const customer of customers) {
      await addFault({ stack_name_prefix: customer.stack_name, operation: 'drop-event', status: 'UPDATE_COMPLETE' });
    }

    expect((await call('POST', '/admin/rollout', {})).status).toBe(202);
    // The stacks are updated, but no event says so: the customers still show the update under way.
    const stackStatus = async (name: string) => ((await (await fetch(`${info.cloudformation_endpoint}/__local/stacks/${name}`)).json()) as { status: string }).status;
    for (const customer of customers) await until(`${customer.stack_name} updated`, () => stackStatus(customer.stack_name), (s) => s === 'UPDATE_COMPLETE');
    for (const customer of customers) expect((await customerOf(customer.customer_id)).template_update).toMatchObject({ version: v3, state: 'updating' });

    // The sweep reads the stacks back.
    const report = await sweep();
    expect(report.result.rollout).toMatchObject({ target_version: v3, advanced: true });
    for (const customer of customers) {
      expect(await customerOf(customer.customer_id)).toMatchObject({ status: 'ACTIVE', template_version: v3 });
      expect(await updateStackRequests(customer.stack_name)).toHaveLength(1);
    }

    // A replay of an update's events, late and out of order, changes nothing.
    const [one] = customers;
    const [sent] = await updateStackRequests(one.stack_name);
    const stackId = `arn:aws:cloudformation:us-east-1:000000000000:stack/${one.stack_name}/x`;
    const event = (status: string, reason = '') => ({
      'detail-type': 'CloudFormation Stack Status Change',
      source: 'aws.cloudformation',
      detail: { 'stack-id': stackId, 'status-details': { status, 'status-reason': reason }, 'client-request-token': sent?.ClientRequestToken },
    });
    const before = await customerOf(one.customer_id);
    expect((await control('POST', '/events/stack-status', event('UPDATE_ROLLBACK_COMPLETE', 'late'))).result).toBe('ignored');
    expect((await control('POST', '/events/stack-status', event('UPDATE_COMPLETE'))).result).toBe('ignored');
    expect(await customerOf(one.customer_id)).toEqual(before);
  });
});
