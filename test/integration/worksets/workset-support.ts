import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { counterKey } from '#shared/usage/counters.ts';
import { insertWorkset, type WorksetRecord } from '#shared/workset-lifecycle/repository.ts';
import { newWorksetId } from '#shared/workset-lifecycle/workset-id.ts';
import { adminToken, api, countCustomerItems, customerWithMember, localS3, localStack, type ApiResponse, type TestUser } from '../../support/local-stack.ts';
import { requestWith } from '../../unit/worksets/fixtures.ts';

/**
 * A customer on the enterprise plan (request rates high enough that 100
 * parallel submissions reach admission, not the gateway's rate limit) with
 * `max_concurrent_worksets` as given, and one signed-in member.
 */
export async function worksetTenant(overrides: Record<string, unknown> = {}): Promise<{ customer: any; member: TestUser }> {
  return customerWithMember({ plan: 'enterprise', max_concurrent_worksets: 10, ...overrides });
}

export function submit(customerId: string, token: string, body: unknown = requestWith(), headers: Record<string, string> = {}): Promise<ApiResponse> {
  return api('POST', `/customers/${customerId}/worksets`, { token, body, headers });
}

export function getWorkset(customerId: string, worksetId: string, token: string): Promise<ApiResponse> {
  return api('GET', `/customers/${customerId}/worksets/${worksetId}`, { token });
}

/** Polls until the workset is in `state` (sentinel events arrive asynchronously). */
export async function waitForWorksetState(customerId: string, worksetId: string, token: string, state: string, timeoutMs = 10_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: ApiResponse | undefined;
  while (Date.now() < deadline) {
    last = await getWorkset(customerId, worksetId, token);
    if (last.body?.state === state) return last.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`workset ${worksetId} did not reach ${state}; last: ${last?.text}`);
}

/** Writes a sentinel into the workset's folder, as the runner (or an operator) would. */
export async function writeSentinel(bucket: string, worksetId: string, name: string, body = `${new Date().toISOString()}\n`): Promise<void> {
  await localS3().send(new PutObjectCommand({ Bucket: bucket, Key: `worksets/${worksetId}/${name}`, Body: body }));
}

export async function readObject(bucket: string, key: string): Promise<string> {
  const { Body } = await localS3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await Body?.transformToString()) ?? '';
}

/** Sets the bytes the customer's counter says are stored, as if its bucket held that much. */
export async function setStoredBytes(customerId: string, bytes: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: localStack().dynamodb_endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(
    new UpdateItemCommand({
      TableName: localStack().tables.usage,
      Key: { customer_id: { S: customerId }, record: { S: 'counters' } },
      UpdateExpression: 'SET storage_bytes = :bytes',
      ConditionExpression: 'attribute_exists(customer_id)',
      ExpressionAttributeValues: { ':bytes': { N: String(bytes) } },
    }),
  );
}

/** Answers grouped by status: `{ 201: [...], 429: [...] }`. */
export function byStatus(responses: readonly ApiResponse[]): Record<number, ApiResponse[]> {
  const groups: Record<number, ApiResponse[]> = {};
  for (const response of responses) (groups[response.status] ??= []).push(response);
  return groups;
}

/**
 * The S3 object event of a sentinel in the workset's folder, as EventBridge
 * delivers it. The sequencer is the lowest there is, so storage metering
 * takes it for an old copy and only the workset part of the handler acts.
 */
export function sentinelEvent(bucket: string, worksetId: string, name: string) {
  return {
    source: 'aws.s3',
    'detail-type': 'Object Created',
    time: new Date().toISOString(),
    detail: { bucket: { name: bucket }, object: { key: `worksets/${worksetId}/${name}`, size: 25, sequencer: '0' } },
  } as const;
}

/** Sets quota overrides or modes through the API, as a platform admin. */
export async function setQuotas(customerId: string, patch: Record<string, unknown>): Promise<void> {
  const response = await api('PATCH', `/customers/${customerId}/quotas`, { token: await adminToken(), body: patch });
  if (response.status !== 200) throw new Error(`quota patch failed: ${response.text}`);
}

/*
 * States a crash or a lost event leaves behind, written straight to the tables
 * and the bucket, for the tests of what converges them.
 */
export const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

export async function takeSlot(customerId: string, worksetId: string, since: Date): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName('usage'),
      Key: counterKey(customerId),
      UpdateExpression: 'SET holders.#ws = :since',
      ExpressionAttributeNames: { '#ws': worksetId },
      ExpressionAttributeValues: { ':since': since.toISOString() },
    }),
  );
}

export async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes sentinels into a folder whose workset is not recorded yet, and waits until their events were handled (and so lost for it). */
export async function lostSentinels(customer: { customer_id: string; s3_bucket: string }, worksetId: string, names: string[]): Promise<void> {
  const ledgerBefore = await countCustomerItems('usage', customer.customer_id);
  for (const name of names) await writeSentinel(customer.s3_bucket, worksetId, name);
  await until(async () => (await countCustomerItems('usage', customer.customer_id)) >= ledgerBefore + names.length);
}

export async function stoppedHandOver(
  customer: { customer_id: string; s3_bucket: string },
  submittedAt: Date,
  workset_id = newWorksetId(submittedAt),
  state: WorksetRecord['state'] = 'pending',
): Promise<WorksetRecord> {
  const stamp = submittedAt.toISOString();
  const record: WorksetRecord = {
    customer_id: customer.customer_id,
    workset_id,
    state,
    customer_state: `${customer.customer_id}#${state}`,
    pipeline: 'germline_wgs_snv',
    reference_genome: 'hg38',
    priority: 'normal',
    sample_count: 1,
    bucket: customer.s3_bucket,
    prefix: `worksets/${workset_id}/`,
    export_uri: `s3://${customer.s3_bucket}/worksets/${workset_id}/results/`,
    files: [],
    submitted_at: stamp,
    submitted_by: 'test',
    updated_at: stamp,
    attempt_started_at: stamp,
    history: [{ state: 'pending', at: stamp, by: 'test' }],
    ...(state === 'pending' ? { pending: 'pending' as const } : {}),
  };
  await takeSlot(customer.customer_id, workset_id, submittedAt);
  expect(await insertWorkset(record)).toBe(true);
  return record;
}

