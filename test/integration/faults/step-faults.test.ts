import { randomUUID } from 'node:crypto';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { readCounters } from '#shared/usage/counters.ts';
import { SLOT_HOLDING } from '#shared/workset-lifecycle/states.ts';
import {
  activeCustomer,
  adminToken,
  api,
  cognitoUser,
  countCustomersLike,
  createTestUser,
  customerBody,
  customerWithMember,
  dropStackEvent,
  localS3,
  localStack,
  runScheduledFunction,
  waitForCustomerStatus,
  waitForStackStatus,
  type ApiResponse,
} from '../../support/local-stack.ts';
import { worksetTenant } from '../worksets/workset-support.ts';
import { requestWith } from '../../unit/worksets/fixtures.ts';

/**
 * Every step of each multi-step operation fails once (issue 10, item 2): the
 * local stack's step-fault hook (local/faults/sdk-faults.ts) makes the n-th
 * SDK call of the request to one service time out, either before it reaches
 * the emulator or after it took effect with its answer lost (the second here). The answer is
 * 503 problem+json with Retry-After (or success, where the step was best
 * effort), the client retries as a client would, and then nothing is
 * duplicated or orphaned. The steps are counted on a clean run first, so a
 * new step in the code is covered without touching this file. Each step's
 * run has its own fixtures, so they run side by side.
 */
const FAULT = 'x-portico-local-fault';

type Step = { readonly service: string; readonly call: number; readonly when: 'before' | 'after' };

/**
 * The steps of one clean run of the operation, each failed after it took
 * effect: that leaves every partial state there is (a step failed before it
 * acts leaves the state its previous step failed after it leaves; the first
 * one, nothing at all, which the frozen-emulator tests cover).
 */
async function stepsOf(run: (headers: Record<string, string>) => Promise<ApiResponse>): Promise<Step[]> {
  const clean = await run({ [FAULT]: 'count' });
  expect(clean.status).toBeLessThan(400);
  const calls = clean.headers.get('x-portico-local-sdk-calls') ?? '';
  return calls
    .split(';')
    .filter(Boolean)
    .flatMap((entry) => {
      const [service, count] = entry.split('=') as [string, string];
      return Array.from({ length: Number(count) }, (_, i) => ({ service, call: i + 1, when: 'after' as const }));
    });
}

const header = (step: Step) => ({ [FAULT]: `${step.service}:${step.call}:${step.when}` });

/** The answer to a failed step: a 503 the client may retry, or success when the step was best effort. */
function expectRetryableOrDone(step: Step, answer: ApiResponse): void {
  const label = `${step.service}:${step.call}:${step.when}`;
  if (answer.status < 400) return;
  expect({ label, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ label, status: 503, type: 'application/problem+json' });
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('a fault at each step of onboarding', () => {
  it('answers 503 or succeeds; the keyed retry makes exactly one customer, ACTIVE with its bucket', async () => {
    const token = await adminToken();
    const onboard = (body: Record<string, unknown>, key: string, headers: Record<string, string> = {}) =>
      api('POST', '/customers', { token, body, headers: { 'idempotency-key': key, ...headers } });
    const steps = await stepsOf((headers) => onboard(customerBody(), randomUUID(), headers));
    expect(steps.length).toBeGreaterThanOrEqual(4);

    await Promise.all(
      steps.map(async (step) => {
        const body = customerBody();
        const key = randomUUID();
        expectRetryableOrDone(step, await onboard(body, key, header(step)));
        const retried = await onboard(body, key);
        expect([200, 201, 202]).toContain(retried.status);
        expect(await countCustomersLike(body)).toBe(1);
        const customer = await waitForCustomerStatus(retried.body.customer_id, 'ACTIVE', 20_000);
        await localS3().send(new HeadBucketCommand({ Bucket: customer.s3_bucket }));
      }),
    );
  }, 60_000);
});

describe('a fault at each step of adding and removing a member', () => {
  it('leaves exactly one membership and an enabled account after the retried add, none and a disabled account after the retried removal', async () => {
    const customer = await activeCustomer();
    const token = await adminToken();
    const add = (email: string, headers: Record<string, string> = {}) =>
      api('POST', `/customers/${customer.customer_id}/users`, { token, body: { email, role: 'member' }, headers });
    const remove = (userId: string, headers: Record<string, string> = {}) =>
      api('DELETE', `/customers/${customer.customer_id}/users/${userId}`, { token, headers });
    const membersNamed = async (email: string) => {
      const list = await api('GET', `/customers/${customer.customer_id}/users?limit=100`, { token });
      return (list.body.users as { email: string; user_id: string }[]).filter((m) => m.email === email);
    };

    const addSteps = await stepsOf((headers) => add(`step-${randomUUID().slice(0, 8)}@faults.example`, headers));
    await Promise.all(
      addSteps.map(async (step) => {
        const email = `step-${randomUUID().slice(0, 8)}@faults.example`;
        const first = await add(email, header(step));
        expectRetryableOrDone(step, first);
        // A client retries what answered 503; a step that was best effort (the audit line) answered 201 already.
        const retried = first.status === 503 ? (await add(email)).status : first.status;
        expect({ step, status: retried }).toEqual({ step, status: 201 });
        expect(await membersNamed(email)).toHaveLength(1);
        expect(await cognitoUser(email)).toMatchObject({ enabled: true });
      }),
    );

    const firstUser = await createTestUser();
    expect((await add(firstUser.email)).status).toBe(201);
    const removeSteps = await stepsOf((headers) => remove(firstUser.userId, headers));
    await Promise.all(
      removeSteps.map(async (step) => {
        const user = await createTestUser();
        expect((await add(user.email)).status).toBe(201);
        const first = await remove(user.userId, header(step));
        expectRetryableOrDone(step, first);
        const retried = first.status === 503 ? (await remove(user.userId)).status : 204;
        expect([204, 404]).toContain(retried);
        expect(await membersNamed(user.email)).toHaveLength(0);
        // Its only membership is gone: the account is disabled, as a clean removal leaves it.
        expect(await cognitoUser(user.email)).toMatchObject({ enabled: false });
      }),
    );
  }, 60_000);
});

describe('a fault at each step of issuing an upload', () => {
  it("leaves the customer's reserved bytes equal to what its pending uploads hold", async () => {
    const { customer, member } = await customerWithMember();
    const issue = (filename: string, headers: Record<string, string> = {}) =>
      api('POST', `/customers/${customer.customer_id}/uploads`, { token: member.token, body: { filename, size_bytes: 1000 }, headers });
    const steps = await stepsOf((headers) => issue(`clean_${randomUUID().slice(0, 6)}_R1.fastq.gz`, headers));
    await Promise.all(
      steps.map(async (step) => {
        const filename = `s_${randomUUID().slice(0, 6)}_R1.fastq.gz`;
        const first = await issue(filename, header(step));
        expectRetryableOrDone(step, first);
        const retried = first.status === 503 ? (await issue(filename)).status : first.status;
        expect(retried).toBe(201);
      }),
    );

    const { Items = [] } = await dynamo.send(
      new QueryCommand({ TableName: tableName('uploads'), KeyConditionExpression: 'customer_id = :c', ExpressionAttributeValues: { ':c': customer.customer_id } }),
    );
    const held = Items.filter((u) => u.state === 'PENDING' && !u.reservation_released).reduce((sum, u) => sum + Number(u.reserved_bytes ?? 0), 0);
    expect((await readCounters(customer.customer_id, true)).reserved_bytes).toBe(held);
  }, 60_000);
});

describe('a fault at each step of a workset submission', () => {
  it('leaves one workset per key and every slot held by a workset that holds one, once the sweep has run', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 100 });
    const submitKeyed = (key: string, headers: Record<string, string> = {}) =>
      api('POST', `/customers/${customer.customer_id}/worksets`, { token: member.token, body: requestWith(), headers: { 'idempotency-key': key, ...headers } });
    const steps = await stepsOf((headers) => submitKeyed(randomUUID(), headers));
    await Promise.all(
      steps.map(async (step) => {
        const key = randomUUID();
        expectRetryableOrDone(step, await submitKeyed(key, header(step)));
        const retried = await submitKeyed(key);
        expect([200, 201, 503]).toContain(retried.status);
      }),
    );
    await runScheduledFunction('worksets.reconcile');

    const { Items = [] } = await dynamo.send(
      new QueryCommand({ TableName: tableName('worksets'), KeyConditionExpression: 'customer_id = :c', ExpressionAttributeValues: { ':c': customer.customer_id } }),
    );
    const holding = Items.filter((w) => SLOT_HOLDING.has(w.state)).map((w) => String(w.workset_id)).sort();
    expect(Object.keys((await readCounters(customer.customer_id, true)).holders).sort()).toEqual(holding);
    expect(Items.every((w) => w.state !== 'pending')).toBe(true);
  }, 60_000);
});

describe("a fault at each step of a workset's state change", () => {
  it('leaves the slot released exactly when the workset left a slot-holding state', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 100 });
    const service = await createTestUser({ groups: ['platform-service'] });
    const submitted = async () => {
      const answer = await api('POST', `/customers/${customer.customer_id}/worksets`, { token: member.token, body: requestWith() });
      expect(answer.status).toBe(201);
      return answer.body.workset_id as string;
    };
    const fail = (worksetId: string, headers: Record<string, string> = {}) =>
      api('PUT', `/customers/${customer.customer_id}/worksets/${worksetId}/state`, { token: service.token, body: { state: 'failed', reason: 'step fault' }, headers });
    const clean = await submitted();
    const steps = await stepsOf((headers) => fail(clean, headers));
    await Promise.all(
      steps.map(async (step) => {
        const worksetId = await submitted();
        const first = await fail(worksetId, header(step));
        expectRetryableOrDone(step, first);
        const retried = first.status === 503 ? (await fail(worksetId)).status : first.status;
        expect(retried).toBe(200);
      }),
    );

    const { Items = [] } = await dynamo.send(
      new QueryCommand({ TableName: tableName('worksets'), KeyConditionExpression: 'customer_id = :c', ExpressionAttributeValues: { ':c': customer.customer_id } }),
    );
    expect(Items.every((w) => w.state === 'failed')).toBe(true);
    expect((await readCounters(customer.customer_id, true)).holders).toEqual({});
  }, 60_000);
});

describe('a fault at each step of completing a multipart upload', () => {
  it('completes on the retry, stores the object once and turns its whole reservation into storage', async () => {
    const { customer, member } = await customerWithMember();
    const size = 16 * 1024 * 1024 + 1;
    /** A multipart upload with every part sent, ready to complete. */
    const uploaded = async () => {
      const ticket = await api('POST', `/customers/${customer.customer_id}/uploads`, {
        token: member.token,
        body: { filename: `big_${randomUUID().slice(0, 6)}_R1.fastq.gz`, size_bytes: size },
      });
      expect(ticket.body.multipart).toBe(true);
      const parts = [];
      for (const part of ticket.body.parts) {
        const response = await fetch(part.url, { method: 'PUT', body: Buffer.alloc(part.size_bytes, part.part_number) });
        parts.push({ part_number: part.part_number, etag: response.headers.get('etag') as string });
      }
      return { complete: ticket.body.complete as string, parts };
    };
    const complete = (upload: { complete: string; parts: unknown[] }, headers: Record<string, string> = {}) =>
      api('POST', upload.complete, { token: member.token, body: { parts: upload.parts }, headers });

    const steps = await stepsOf(async (headers) => complete(await uploaded(), headers));
    await Promise.all(
      steps.map(async (step) => {
        const upload = await uploaded();
        const first = await complete(upload, header(step));
        expectRetryableOrDone(step, first);
        const retried = await complete(upload);
        expect({ step, status: retried.status, state: retried.body.state }).toEqual({ step, status: 200, state: 'COMPLETED' });
      }),
    );

    const expected = (steps.length + 1) * size;
    const deadline = Date.now() + 10_000;
    let counters = await readCounters(customer.customer_id, true);
    while ((counters.storage_bytes !== expected || counters.reserved_bytes !== 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      counters = await readCounters(customer.customer_id, true);
    }
    expect({ stored: counters.storage_bytes, reserved: counters.reserved_bytes, objects: counters.object_count }).toEqual({
      stored: expected,
      reserved: 0,
      objects: steps.length + 1,
    });
  }, 90_000);
});

describe('the usage, billing and status reads when DynamoDB does not answer at one of their steps', () => {
  it('answer 503 problem+json with Retry-After at every step, and the same read succeeds after', async () => {
    const { customer, member } = await customerWithMember();
    const admin = await adminToken();
    const period = new Date().toISOString().slice(0, 7);
    const reads: [string, string][] = [
      [`/customers/${customer.customer_id}/usage`, member.token],
      [`/customers/${customer.customer_id}/usage/history`, member.token],
      ['/admin/status', admin],
      [`/billing/export?period=${period}`, admin],
    ];
    for (const [path, token] of reads) {
      // Not following the export's 303: the answer wanted is the route's own.
      const read = async (headers: Record<string, string>): Promise<ApiResponse> => {
        const response = await fetch(`${localStack().api_url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers }, redirect: 'manual' });
        const text = await response.text();
        return { status: response.status, headers: response.headers, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
      };
      const steps = (await stepsOf(read)).filter((step) => step.service === 'dynamodb').map((step) => ({ ...step, when: 'before' as const }));
      expect(steps.length).toBeGreaterThan(0);
      const answers = await Promise.all(steps.map(async (step) => ({ step, answer: await read(header(step)) })));
      for (const { step, answer } of answers) {
        // The API request count is the one best-effort step: a member's read still answers when only it fails.
        expectRetryableOrDone(step, answer);
      }
      expect(answers.filter(({ answer }) => answer.status === 503).length).toBeGreaterThan(0);
      expect((await read({})).status).toBeLessThan(400);
    }
  }, 60_000);
});

describe("a fault at each step of applying a stack's status event", () => {
  it('fails the delivery, so EventBridge delivers it again; the redelivered event makes the customer ACTIVE, audited once', async () => {
    const token = await adminToken();
    /** A customer whose stack is created but whose CREATE_COMPLETE event never arrived. */
    const waitingForItsEvent = async () => {
      const slug = `sevt${randomUUID().slice(0, 8)}`;
      await dropStackEvent(slug, 'CREATE_COMPLETE');
      const created = await api('POST', '/customers', { token, body: customerBody({ customer_name: slug }) });
      expect(created.status).toBe(202);
      await waitForStackStatus(created.body.stack_name, 'CREATE_COMPLETE');
      return created.body as { customer_id: string; stack_name: string };
    };
    const deliver = async (customer: { customer_id: string; stack_name: string }, headers: Record<string, string>): Promise<ApiResponse> => {
      const event = {
        'detail-type': 'CloudFormation Stack Status Change',
        source: 'aws.cloudformation',
        detail: {
          'stack-id': `arn:aws:cloudformation:us-east-1:000000000000:stack/${customer.stack_name}/${randomUUID()}`,
          'status-details': { status: 'CREATE_COMPLETE', 'status-reason': '' },
          'client-request-token': `create-${customer.customer_id}-1`,
        },
      };
      const response = await fetch(`${localStack().control_url}/events/stack-status`, { method: 'POST', headers, body: JSON.stringify(event) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
    };
    const first = await waitingForItsEvent();
    const steps = await stepsOf((headers) => deliver(first, headers));
    expect(steps.filter((step) => step.service === 'dynamodb').length).toBeGreaterThanOrEqual(2);

    const firstDeliveries = await Promise.all(
      steps.map(async (step) => {
        const customer = await waitingForItsEvent();
        const label = `${step.service}:${step.call}:${step.when}`;
        // A target that throws is a failed delivery: EventBridge retries it, then the dead-letter queue.
        // The audit append is best effort (a failure logs the whole entry), so its step may succeed.
        const failed = await deliver(customer, header(step));
        expect({ label, delivered: [200, 500].includes(failed.status) }).toEqual({ label, delivered: true });
        expect({ label, status: (await deliver(customer, {})).status }).toEqual({ label, status: 200 });
        const now = await waitForCustomerStatus(customer.customer_id, 'ACTIVE', 5_000);
        expect(now.activated_at).toEqual(expect.any(String));
        const trail = await api('GET', `/customers/${customer.customer_id}/audit?limit=100`, { token });
        const provisioned = trail.body.events.filter((e: { action: string }) => e.action === 'customer.provisioned');
        expect({ label, provisioned: provisioned.length }).toEqual({ label, provisioned: 1 });
        return failed.status;
      }),
    );
    expect(firstDeliveries.filter((status) => status === 500).length).toBeGreaterThanOrEqual(steps.length - 1);
  }, 60_000);
});
