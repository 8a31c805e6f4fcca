import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStackInfo } from '#local/stack.ts';
import { DEPENDENCY_FAILURE_BOUND_SECONDS } from '#shared/clients/timeouts.ts';
import { emulatorsOf, killEverythingStarted, newStateDir, StackProcess } from '../local/stack-process.ts';

/**
 * A dependency frozen mid-request (SIGSTOP, as a stalled host or a long GC
 * pause would) answers 503 problem+json with Retry-After within the documented
 * bound, never a 500; after it resumes, a client that retries as told gets
 * the one resource it asked for, and every customer converges. On a stack of
 * its own, so freezing it disturbs no other test.
 */
const BOUND_MS = DEPENDENCY_FAILURE_BOUND_SECONDS * 1000;

let stack: StackProcess;
let info: LocalStackInfo;
let adminToken: string;
let adminAccessToken: string;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(`${info.api_url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, elapsedMs: Date.now() - started };
}

function emulator(kind: 'java' | 'cognito'): number {
  const found = emulatorsOf(stack.stateDir).find((p) => (kind === 'java' ? /\bjava\b/.test(p.args) : /cognito-launcher/.test(p.args)));
  if (!found) throw new Error(`no ${kind} emulator found for ${stack.stateDir}`);
  return found.pid;
}

async function frozen<T>(pid: number, during: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await during();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

function expectServiceUnavailable(answer: Awaited<ReturnType<typeof call>>): void {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
  expect(answer.elapsedMs).toBeLessThan(BOUND_MS);
}

const customerBody = () => ({
  customer_name: `Frozen Genomics ${randomUUID().slice(0, 6)}`,
  email: 'ops@frozen.example',
  max_concurrent_worksets: 5,
  max_storage_gb: 100,
  billing_account_id: 'BA-1',
  cost_center: 'CC-1',
});

beforeAll(async () => {
  stack = new StackProcess(newStateDir(), ['--port', '0', '--fresh']);
  info = await stack.ready();
  const cognito = new CognitoIdentityProviderClient({ endpoint: info.cognito.endpoint, region: info.region, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const signedIn = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: info.cognito.client_id, AuthParameters: { USERNAME: info.admin.email, PASSWORD: info.admin.password } }),
  );
  adminToken = signedIn.AuthenticationResult?.IdToken as string;
  adminAccessToken = signedIn.AuthenticationResult?.AccessToken as string;
  // Warm the function containers, as a running deployment would be.
  const warm = await call('GET', '/customers?limit=1');
  if (warm.status !== 200) throw new Error(`the fault stack did not answer: ${warm.status}`);
}, 90_000);

afterAll(async () => {
  await stack.stop();
  await killEverythingStarted();
});

async function activeCustomer(overrides: Record<string, unknown> = {}): Promise<{ customer_id: string }> {
  const customer = (await call('POST', '/customers', { ...customerBody(), ...overrides })).body;
  const deadline = Date.now() + 10_000;
  while ((await call('GET', `/customers/${customer.customer_id}`)).body.status !== 'ACTIVE' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return customer;
}

// One freeze per emulator, every request of its describe sent during it: a freeze lasts as long as
// the slowest request takes to give up (the bound), whatever the number of requests.
describe('DynamoDB Local frozen', () => {
  it('answers 503 with Retry-After within the bound to onboarding, reads and a workset submission; the retries make one customer (ACTIVE) and one workset holding one slot', async () => {
    const body = customerBody();
    const tenant = await activeCustomer({ max_concurrent_worksets: 2 });
    const worksets = `/customers/${tenant.customer_id}/worksets`;
    const workset = { samples: [{ sample_id: 's1', fastq_r1: 's1_R1.fq.gz', fastq_r2: 's1_R2.fq.gz' }], reference_genome: 'hg38' };
    const key = { 'Idempotency-Key': `frozen-${randomUUID()}` };

    // The customer read is refused by the customer authorizer, which reads the membership and the customer first.
    const during = await frozen(emulator('java'), () =>
      Promise.all([call('POST', '/customers', body), call('GET', '/customers'), call('GET', '/customers/frozen-genomics-00000000'), call('POST', worksets, workset, key)]),
    );

    for (const answer of during) expectServiceUnavailable(answer);
    // The client retries, as Retry-After told it to; the first writes may have landed after all.
    const retried = await call('POST', '/customers', body);
    expect(retried.status).toBe(202);
    const listing = await call('GET', '/customers?limit=100');
    expect(listing.body.customers.filter((c: { customer_name: string }) => c.customer_name === body.customer_name)).toHaveLength(1);
    await fetch(`${info.control_url}/schedules/customers.reconcile/run`, { method: 'POST' });
    const deadline = Date.now() + 10_000;
    let status = '';
    while (status !== 'ACTIVE' && Date.now() < deadline) {
      status = (await call('GET', `/customers/${retried.body.customer_id}`)).body.status;
      if (status !== 'ACTIVE') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('ACTIVE');

    const submitted = await call('POST', worksets, workset, key);
    expect([200, 201]).toContain(submitted.status);
    expect(submitted.body.state).toBe('ready');
    expect((await call('GET', worksets)).body.worksets.map((w: { workset_id: string }) => w.workset_id)).toEqual([submitted.body.workset_id]);
    const quotas = (await call('GET', `/customers/${tenant.customer_id}/quotas`)).body.quotas;
    expect(quotas.find((q: { quota: string }) => q.quota === 'max_concurrent_worksets').used).toBe(1);
  }, 60_000);
});

describe('cognito-local frozen', () => {
  it('answers 503 with Retry-After to an access token the authorizer cannot check and to adding a member, writing nothing; the retries succeed, adding exactly one membership', async () => {
    const customer = await activeCustomer();
    const email = `frozen-${randomUUID().slice(0, 8)}@example.com`;
    const me = () => call('GET', '/me', undefined, { Authorization: `Bearer ${adminAccessToken}` });
    const add = () => call('POST', `/customers/${customer.customer_id}/users`, { email, role: 'member' });

    const [meDuring, addDuring] = await frozen(emulator('cognito'), () => Promise.all([me(), add()]));

    expectServiceUnavailable(meDuring);
    expect(meDuring.body.detail).toBe('The request could not be authorized now; retry in 5 seconds.');
    expectServiceUnavailable(addDuring);
    expect((await call('GET', `/customers/${customer.customer_id}/users`)).body.users).toEqual([]);
    expect((await me()).status).toBe(200);
    expect((await add()).status).toBe(201);
    const users = (await call('GET', `/customers/${customer.customer_id}/users`)).body.users;
    expect(users.map((u: { email: string }) => u.email)).toEqual([email]);
  }, 60_000);
});
