import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '#local/gateway/server.ts';
import { localUsagePlanId, LocalUsagePlans, type LocalApiKey } from '#local/gateway/usage-plans.ts';
import { freePort } from '#local/ports.ts';
import { customerApiKeyValue } from '#shared/customers/template-contract.ts';
import { QUOTAS } from '#shared/quotas/declarations.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';

/**
 * Customer-scoped routes on the local gateway alone, with a fixture REQUEST authorizer
 * (fixtures/functions/authorizer/customer.ts) and a clock that only moves when told.
 */
const routes: RouteDefinition[] = [
  {
    id: 'customers.get',
    method: 'GET',
    path: '/customers/{customer_id}',
    handler: 'echo-identity',
    access: { kind: 'customer', role: 'member', write: false },
    summary: 'test route',
    tables: {},
  },
];

const FREE_BURST = QUOTAS.burst.plans.free;
let gateway: LocalGateway;
let acmeKey: LocalApiKey;

beforeAll(async () => {
  const usagePlans = new LocalUsagePlans('local');
  for (const customerId of ['acme-00000000', 'other-00000000']) {
    const key = usagePlans.createKey(customerApiKeyValue(customerId));
    usagePlans.putKeyInPlan(key.id, localUsagePlanId('free'));
    if (customerId === 'acme-00000000') acmeKey = key;
  }
  gateway = new LocalGateway({
    port: await freePort(),
    routes,
    functionsDir: fileURLToPath(new URL('./fixtures/functions', import.meta.url)),
    corsOrigins: ['*'],
    rateLimits: { stage: { rateLimit: 1000, burstLimit: 1000 }, usagePlans, now: () => 0 },
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway.stop();
});

async function call(path: string, token?: string) {
  const response = await fetch(`${gateway.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

describe('a customer-scoped route', () => {
  it('is authorized by the REQUEST authorizer, and the handler sees the API key the request counted against', async () => {
    const response = await call('/customers/acme-00000000', 'member');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      authorizer: { type: 'REQUEST', customer_id: 'acme-00000000', resource: '/customers/{customer_id}', function: 'authorizer.customer', principalId: 'user-1' },
      apiKey: customerApiKeyValue('acme-00000000'),
      apiKeyId: acmeKey.id,
    });
  });

  it('answers 401 without calling the authorizer when the Authorization header (an identity source) is missing', async () => {
    const response = await call('/customers/acme-00000000');

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ title: 'Unauthorized', detail: 'A valid bearer token is required.' });
  });

  it.each([
    ['a key no usage plan holds', 'stranger'],
    ['no key at all', 'keyless'],
  ])('answers 403 problem+json when the authorizer names %s', async (_case, token) => {
    const response = await call('/customers/acme-00000000', token);

    expect(response.status).toBe(403);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 403, title: 'Forbidden', detail: 'The API key is not valid.' });
  });

  it("answers 429 problem+json once the key's usage plan burst is spent, and another customer's key is not affected", async () => {
    const answers = [];
    for (let i = 0; i < FREE_BURST + 1; i++) answers.push(await call('/customers/other-00000000', 'member'));
    const acme = await call('/customers/acme-00000000', 'member');

    expect(answers.filter((a) => a.status === 200).length).toBe(FREE_BURST);
    expect(answers.at(-1)).toMatchObject({
      status: 429,
      contentType: 'application/problem+json',
      body: { title: 'Too Many Requests', detail: 'Too many requests; slow down and retry.', instance: '/customers/other-00000000' },
    });
    expect(acme.status).toBe(200);
  });
});
