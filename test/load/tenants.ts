import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser } from '#local/emulators/cognito.ts';
import type { LocalStackInfo } from '#local/stack.ts';
import { parseJson, type LoadClient } from './http.ts';

/** A customer under load, one signed-in member, and what the load did to it. */
export interface Tenant {
  readonly customerId: string;
  readonly bucket: string;
  readonly token: string;
  readonly slots: number;
  /** Worksets admitted and not yet canceled or finished by the load (its model of the slots taken). */
  readonly held: string[];
  /** Every workset admitted (201), by id. */
  readonly admitted: Set<string>;
  /** Canceled (200) by the load. */
  readonly canceled: Set<string>;
  /** Given a `daylily.complete` by the load, as the runner would. */
  readonly finished: Set<string>;
  /** Upload tickets whose bytes the load put, and their sizes. */
  readonly uploads: Map<string, number>;
  /** Writes answered unexpectedly (already errors): what they did is unknown, so the load's model of this tenant is not checked. */
  uncertainWrites: number;
}

const SEED_PARALLELISM = 5;

export async function signIn(info: LocalStackInfo, email: string, password: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({ endpoint: info.cognito.endpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const result = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: info.cognito.client_id, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const token = result.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${email}`);
  return token;
}

/**
 * `count` customers on the enterprise plan (its request rate is far above what
 * the local stack serves, so every 429 the load sees is a quota's answer, not
 * the gateway's), each with `slots` concurrent worksets and one member, seeded
 * through the API as an operator would, a few at a time.
 */
export async function seedTenants(info: LocalStackInfo, client: LoadClient, count: number, slots: number): Promise<Tenant[]> {
  const adminToken = await signIn(info, info.admin.email, info.admin.password);
  const run = randomUUID().slice(0, 6);
  const tenants: Tenant[] = [];
  for (let start = 0; start < count; start += SEED_PARALLELISM) {
    const batch = Array.from({ length: Math.min(SEED_PARALLELISM, count - start) }, (_, i) => seedTenant(info, client, adminToken, `${run}-${start + i}`, slots));
    tenants.push(...(await Promise.all(batch)));
  }
  return tenants;
}

async function seedTenant(info: LocalStackInfo, client: LoadClient, adminToken: string, name: string, slots: number): Promise<Tenant> {
  const created = await client.send('POST', `${info.api_url}/customers`, {
    token: adminToken,
    json: {
      customer_name: `Load Genomics ${name}`,
      email: `admin-${name}@load.example`,
      plan: 'enterprise',
      max_concurrent_worksets: slots,
      max_storage_gb: 100,
      billing_account_id: 'BA-LOAD',
      cost_center: 'CC-LOAD',
    },
  });
  if (created.status !== 202) throw new Error(`onboarding failed: ${created.status} ${created.text}`);
  const customerId = parseJson(created.text).customer_id as string;

  const email = `member-${name}@load.example`;
  const password = `Load-${randomUUID().slice(0, 8)}-Aa1!`;
  const [customer] = await Promise.all([
    waitForActive(info, client, adminToken, customerId),
    ensureUser(info.cognito.endpoint, info.cognito.user_pool_id, { email, password }),
  ]);
  const added = await client.send('POST', `${info.api_url}/customers/${customerId}/users`, { token: adminToken, json: { email, role: 'member' } });
  if (added.status !== 201) throw new Error(`adding ${email} failed: ${added.status} ${added.text}`);
  return {
    customerId,
    bucket: customer.s3_bucket as string,
    token: await signIn(info, email, password),
    slots,
    held: [],
    admitted: new Set(),
    canceled: new Set(),
    finished: new Set(),
    uploads: new Map(),
    uncertainWrites: 0,
  };
}

async function waitForActive(info: LocalStackInfo, client: LoadClient, adminToken: string, customerId: string): Promise<any> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const answer = await client.send('GET', `${info.api_url}/customers/${customerId}`, { token: adminToken });
    last = answer.text;
    const customer = parseJson(answer.text);
    if (customer?.status === 'ACTIVE') return customer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`customer ${customerId} not ACTIVE after 30 s; last: ${last}`);
}
