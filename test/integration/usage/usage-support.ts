import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { api, type TestUser } from '../../support/local-stack.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 's3-events');

export type FixtureName = 'object-created' | 'delete-marker-created' | 'permanently-deleted' | 'lifecycle-expiration' | 'lifecycle-delete-marker';

/** A recorded S3 EventBridge event, moved to `bucket` and given the object fields asked for. */
export function s3Event(name: FixtureName, bucket: string, object: { key?: string; size?: number; 'version-id'?: string; sequencer?: string }) {
  const event = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  event.resources = [`arn:aws:s3:::${bucket}`];
  event.detail.bucket.name = bucket;
  Object.assign(event.detail.object, object);
  return event;
}

export async function usageOf(customerId: string, user: TestUser): Promise<any> {
  const answer = await api('GET', `/customers/${customerId}/usage`, { token: user.token });
  expect({ status: answer.status, body: answer.text }).toMatchObject({ status: 200 });
  return answer.body;
}

/** Reads the usage until `storage_bytes` is `bytes` (events arrive asynchronously), then answers it. */
export async function usageWhenStored(customerId: string, user: TestUser, bytes: number, timeoutMs = 5000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let usage = await usageOf(customerId, user);
  while (usage.storage_bytes !== bytes && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    usage = await usageOf(customerId, user);
  }
  expect(usage.storage_bytes).toBe(bytes);
  return usage;
}
