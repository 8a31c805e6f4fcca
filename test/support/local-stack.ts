import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, QueryCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { AdminGetUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { ensureUser } from '#local/emulators/cognito.ts';
import type { LocalStackInfo } from '#local/stack.ts';
import { createPorticoClient, unwrap, type components, type paths, type PorticoClient } from '#client/index.ts';

type Customer = components['schemas']['Customer'];
type CreateCustomerBody = paths['/customers']['post']['requestBody']['content']['application/json'];

export function localStack(): LocalStackInfo {
  return inject('localStack');
}

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is, instead of JSON-encoding `body`. */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

/** One HTTP call to the local gateway. */
export async function api<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${localStack().api_url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

const cognitoClient = () =>
  new CognitoIdentityProviderClient({
    endpoint: localStack().cognito.endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

export async function signIn(email: string, password: string): Promise<{ idToken: string; accessToken: string }> {
  const result = await cognitoClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: localStack().cognito.client_id,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const auth = result.AuthenticationResult;
  if (!auth?.IdToken || !auth.AccessToken) throw new Error(`no tokens for ${email}`);
  return { idToken: auth.IdToken, accessToken: auth.AccessToken };
}

let adminTokenPromise: Promise<string> | undefined;

/** An ID token of the platform admin the local stack seeded. */
export function adminToken(): Promise<string> {
  adminTokenPromise ??= signIn(localStack().admin.email, localStack().admin.password).then((t) => t.idToken);
  return adminTokenPromise;
}

export interface TestUser {
  readonly email: string;
  readonly password: string;
  readonly userId: string;
  readonly token: string;
}

/** A new confirmed Cognito user with a signed-in ID token. */
export async function createTestUser(options: { groups?: string[]; email?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  const password = `Test-${randomUUID().slice(0, 8)}-Aa1!`;
  const userId = await ensureUser(localStack().cognito.endpoint, localStack().cognito.user_pool_id, {
    email,
    password,
    ...(options.groups ? { groups: options.groups } : {}),
  });
  const { idToken } = await signIn(email, password);
  return { email, password, userId, token: idToken };
}

export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer_name: `Test Genomics ${randomUUID().slice(0, 6)}`,
    // Unique per body, so a test can find what its own request wrote while other files run.
    email: `admin-${randomUUID().slice(0, 8)}@test-genomics.example`,
    max_concurrent_worksets: 10,
    max_storage_gb: 5000,
    billing_account_id: 'BA-12345',
    cost_center: 'CC-GENOMICS',
    ...overrides,
  };
}

/**
 * The typed API client (client/index.ts) on the local stack, signed in as the
 * platform admin or with `token`: the helpers below call the API through it,
 * so a route change that breaks them breaks the type-check.
 */
export async function typedApi(token?: string): Promise<PorticoClient> {
  const bearer = token ?? (await adminToken());
  return createPorticoClient({ baseUrl: localStack().api_url, token: () => bearer });
}

/** Polls until the customer reaches `status` (stack events arrive asynchronously). */
export async function waitForCustomerStatus(customerId: string, status: Customer['status'], timeoutMs = 10_000): Promise<any> {
  const client = await typedApi();
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const answer = await client.GET('/customers/{customer_id}', { params: { path: { customer_id: customerId } } });
    last = answer.data ?? answer.error;
    if (answer.data?.status === status) return answer.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`customer ${customerId} did not reach ${status}; last: ${JSON.stringify(last)}`);
}

/** Onboards a customer and waits until it is ACTIVE. */
export async function activeCustomer(overrides: Record<string, unknown> = {}): Promise<any> {
  const client = await typedApi();
  const created = unwrap(await client.POST('/customers', { body: customerBody(overrides) as CreateCustomerBody }));
  return waitForCustomerStatus(created.customer_id, 'ACTIVE');
}

function dynamoDb(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: localStack().dynamodb_endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Number of items in a table, read from DynamoDB Local itself. */
export async function countItems(table: string): Promise<number> {
  const client = dynamoDb();
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: localStack().tables[table], Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Customers whose name or email is the body's: what one onboarding request
 * could have written, whatever other test files create meanwhile.
 */
export async function countCustomersLike(body: Record<string, unknown>): Promise<number> {
  const values: Record<string, { S: string }> = {};
  const clauses: string[] = [];
  if (typeof body.customer_name === 'string' && body.customer_name !== '') {
    values[':name'] = { S: body.customer_name };
    clauses.push('customer_name = :name');
  }
  if (typeof body.email === 'string' && body.email !== '') {
    values[':email'] = { S: body.email };
    clauses.push('email = :email');
  }
  if (clauses.length === 0) throw new Error('the body names no customer_name or email to look for');
  const client = dynamoDb();
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: localStack().tables.customers,
        FilterExpression: clauses.join(' OR '),
        ExpressionAttributeValues: values,
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Number of items one customer has in a table, read from DynamoDB Local
 * itself. Unlike `countItems`, tests running in parallel cannot change it.
 */
export async function countCustomerItems(table: 'uploads' | 'usage' | 'audit' | 'memberships', customerId: string): Promise<number> {
  const client = new DynamoDBClient({
    endpoint: localStack().dynamodb_endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: localStack().tables[table],
        ...(table === 'memberships' ? { IndexName: 'by-customer' } : {}),
        KeyConditionExpression: 'customer_id = :c',
        ExpressionAttributeValues: { ':c': { S: customerId } },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Every CloudFormation call the local provisioner received. */
export async function cloudFormationRequests(): Promise<{ action: string; params: Record<string, string> }[]> {
  const response = await fetch(`${localStack().cloudformation_endpoint}/__local/requests`);
  return (await response.json()) as { action: string; params: Record<string, string> }[];
}

/**
 * Makes the next create, delete or update of a stack whose customer id starts with
 * `customerIdPrefix` (a slug, or a whole id) fail with `reason` (`update` rolls back): `create`
 * fails the bucket, `create-after-bucket` fails its policy once the bucket
 * exists; `rollbackMs` makes the rollback that follows last that long.
 */
export async function injectStackFault(
  customerIdPrefix: string,
  operation: 'create' | 'create-after-bucket' | 'delete' | 'update',
  reason: string,
  options: { rollbackMs?: number } = {},
): Promise<void> {
  await addStackFault({
    stack_name_prefix: `portico-customer-${customerIdPrefix}`,
    operation,
    reason,
    ...(options.rollbackMs !== undefined ? { rollback_ms: options.rollbackMs } : {}),
  });
}

/** The next `status` event of the customer's stack is lost: the status function never sees it. */
export async function dropStackEvent(customerIdPrefix: string, status: string): Promise<void> {
  await addStackFault({ stack_name_prefix: `portico-customer-${customerIdPrefix}`, operation: 'drop-event', status });
}

/** The first `attempts` deliveries of the next `status` event of the customer's stack fail. */
export async function failStackEventDeliveries(customerIdPrefix: string, status: string, attempts: number): Promise<void> {
  await addStackFault({ stack_name_prefix: `portico-customer-${customerIdPrefix}`, operation: 'fail-delivery', status, attempts });
}

/** The next `times` calls of `action` on the customer's stack answer 503, as CloudFormation does when it cannot serve one. */
export async function makeStackCallsUnavailable(customerIdPrefix: string, action: string, times: number): Promise<void> {
  await addStackFault({ stack_name_prefix: `portico-customer-${customerIdPrefix}`, operation: 'unavailable', action, times });
}

/** The next call of `action` on the customer's stack is refused (400 ValidationError) with `reason`. */
export async function refuseStackCall(customerIdPrefix: string, action: string, reason: string): Promise<void> {
  await addStackFault({ stack_name_prefix: `portico-customer-${customerIdPrefix}`, operation: 'refuse', action, reason });
}

async function addStackFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${localStack().cloudformation_endpoint}/__local/faults`, { method: 'POST', body: JSON.stringify(fault) });
  if (response.status !== 204) throw new Error(`fault refused: ${response.status} ${await response.text()}`);
}

/** A CloudFormation client on the local provisioner, as a handler has one. */
export function localCloudFormation(): CloudFormationClient {
  return new CloudFormationClient({
    endpoint: localStack().cloudformation_endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** A stack's status and reason, or undefined when there is none; read through a test hook, so not one of the recorded calls. */
export async function describeStack(stackName: string): Promise<{ status: string; reason: string } | undefined> {
  const response = await fetch(`${localStack().cloudformation_endpoint}/__local/stacks/${encodeURIComponent(stackName)}`);
  if (response.status === 404) return undefined;
  return (await response.json()) as { status: string; reason: string };
}

/** Polls until the stack is in `status`, or gone (`'none'`). */
export async function waitForStackStatus(stackName: string, status: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = (await describeStack(stackName))?.status ?? 'none';
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`stack ${stackName} did not reach ${status}; last: ${last}`);
}

/** Runs a scheduled function now, through the local control server; answers its result. */
export async function runScheduledFunction(functionId: string): Promise<any> {
  const response = await fetch(`${localStack().control_url}/schedules/${encodeURIComponent(functionId)}/run`, { method: 'POST' });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (response.status !== 200) throw new Error(`${functionId} failed: ${response.status} ${body.error}`);
  return body.result;
}

/** The local S3 answers the next `times` `method` requests on keys under `keyPrefix` in `bucket` with 503 SlowDown. */
export async function armS3Fault(bucket: string, keyPrefix: string, times: number, method = 'PUT'): Promise<void> {
  const response = await fetch(`${localStack().s3_endpoint}/__local/faults`, {
    method: 'POST',
    body: JSON.stringify({ bucket, key_prefix: keyPrefix, method, times, code: 'SlowDown' }),
  });
  if (response.status !== 204) throw new Error(`S3 fault refused: ${response.status} ${await response.text()}`);
}

/** Delivers an S3 object event to the usage function now, as a replay would; answers what it did. */
export async function deliverS3ObjectEvent(event: unknown): Promise<string> {
  const response = await fetch(`${localStack().control_url}/events/s3-object`, { method: 'POST', body: JSON.stringify(event) });
  const body = (await response.json()) as { result?: string; error?: string };
  if (response.status !== 200) throw new Error(`delivery failed: ${response.status} ${body.error}`);
  return body.result ?? '';
}

/** Moves the customer's last change `seconds` into the past, as if that much time had gone by. */
export async function backdateCustomer(customerId: string, seconds: number): Promise<void> {
  await dynamoDb().send(
    new UpdateItemCommand({
      TableName: localStack().tables.customers,
      Key: { customer_id: { S: customerId } },
      UpdateExpression: 'SET updated_at = :past',
      ConditionExpression: 'attribute_exists(customer_id)',
      ExpressionAttributeValues: { ':past': { S: new Date(Date.now() - seconds * 1000).toISOString() } },
    }),
  );
}

/** Adds `user` to the customer through the API, as the platform admin. */
export async function addMember(customerId: string, email: string, role: 'admin' | 'member'): Promise<any> {
  const client = await typedApi();
  const answer = await client.POST('/customers/{customer_id}/users', { params: { path: { customer_id: customerId } }, body: { email, role } });
  if (answer.response.status !== 201) throw new Error(`adding ${email} failed: ${answer.response.status} ${JSON.stringify(answer.error ?? answer.data)}`);
  return unwrap(answer);
}

/** A customer with one admin and one member, each signed in. */
export async function tenant(): Promise<{ customer: any; admin: TestUser; member: TestUser }> {
  const customer = await activeCustomer();
  const [admin, member] = await Promise.all([createTestUser(), createTestUser()]);
  await addMember(customer.customer_id, admin.email, 'admin');
  await addMember(customer.customer_id, member.email, 'member');
  return { customer, admin, member };
}

/** Every admin call the local Cognito saw. */
export async function cognitoAdminCalls(): Promise<{ target: string; body: any }[]> {
  const response = await fetch(`${localStack().cognito.endpoint}/__local/requests`);
  return (await response.json()) as { target: string; body: any }[];
}

export async function cognitoUser(username: string): Promise<{ enabled: boolean; attributes: Record<string, string> } | undefined> {
  try {
    const user = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: username }));
    return {
      enabled: user.Enabled !== false,
      attributes: Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name ?? '', a.Value ?? ''])),
    };
  } catch {
    return undefined;
  }
}

/** An S3 client on the local S3, with s3rver's built-in credentials. */
export function localS3(): S3Client {
  return new S3Client({
    endpoint: localStack().s3_endpoint,
    region: localStack().region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

/** A customer onboarded with `overrides` (such as `{ plan: 'free' }`) and one signed-in member. */
export async function customerWithMember(overrides: Record<string, unknown> = {}): Promise<{ customer: any; member: TestUser }> {
  const customer = await activeCustomer(overrides);
  const member = await createTestUser();
  await addMember(customer.customer_id, member.email, 'member');
  return { customer, member };
}
