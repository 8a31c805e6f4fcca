import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { customerPages } from '../customers/all-customers.ts';
import { logger } from '../observability/logger.ts';
import { counterKey, toCounters, type Counters } from './counters.ts';
import { recordStorageSample } from './monthly.ts';
import type { DaySample } from './storage-drift.ts';

/**
 * DynamoDB left keys of a BatchGetItem unprocessed however long it was
 * retried: it is throttling. Named as DynamoDB names throttling, so a route
 * answers 503 with Retry-After (shared/http/dependency-failure.ts), not 500.
 */
export function unprocessedKeysError(count: number, attempts: number): Error {
  const error = new Error(`DynamoDB left ${count} reads unprocessed after ${attempts} attempts`);
  error.name = 'ProvisionedThroughputExceededException';
  return error;
}

/** The counter items of up to 100 customers in one BatchGetItem (retrying what DynamoDB leaves unprocessed). */
export async function readCounterBatch(customerIds: readonly string[]): Promise<Map<string, Counters>> {
  const counters = new Map<string, Counters>();
  let keys: Record<string, unknown>[] = customerIds.map(counterKey);
  for (let attempt = 0; keys.length > 0; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    const answer = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName('usage')]: { Keys: keys } } }));
    for (const item of answer.Responses?.[tableName('usage')] ?? []) counters.set(String(item.customer_id), toCounters(item));
    keys = (answer.UnprocessedKeys?.[tableName('usage')]?.Keys ?? []) as Record<string, unknown>[];
    if (attempt > 8 && keys.length > 0) throw unprocessedKeysError(keys.length, attempt + 1);
  }
  return counters;
}

/** What a day's sample records of the counters: stored bytes and objects, and the corrections made so far. */
export function daySampleOf(counters: Counters): Required<DaySample> {
  return { bytes: counters.storage_bytes, objects: counters.object_count, corrected_bytes: counters.corrected.bytes, corrected_objects: counters.corrected.objects };
}

/**
 * Once a day: every customer's stored bytes and objects as the counters hold
 * them, added to its month (storage GB-months for billing, and the figure the
 * storage reconciliation compares with CloudWatch). A second run the same day
 * adds nothing. A day without a sample adds nothing to the month's GB-months
 * (see storageGbMonths), so the schedule retries a failed run for hours.
 */
export async function sampleStorage(now = new Date()): Promise<{ sampled: number; duplicates: number }> {
  const day = now.toISOString().slice(0, 10);
  let sampled = 0;
  let duplicates = 0;
  for await (const page of customerPages()) {
    const counters = await readCounterBatch(page.map((customer) => customer.customer_id));
    for (const customer of page) {
      const counter = counters.get(customer.customer_id);
      if (!counter) continue;
      const outcome = await recordStorageSample(customer.customer_id, day, daySampleOf(counter), now);
      if (outcome === 'applied') sampled += 1;
      else duplicates += 1;
    }
  }
  logger.info('Storage sampled', { day, sampled, duplicates });
  return { sampled, duplicates };
}
