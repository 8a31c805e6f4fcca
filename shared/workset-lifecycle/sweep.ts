import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { s3 } from '../clients/s3.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { logger } from '../observability/logger.ts';
import { counterKey, readCounters } from '../usage/counters.ts';
import { getWorkset, transitionWorkset, type WorksetRecord } from './repository.ts';
import { holdsSlot } from './states.ts';

/** A hand-over still `pending` after this long has stopped (the function that did it died). */
export const HANDOVER_STALE_SECONDS = 120;
/** A slot whose workset record is missing or finished, this long after it was taken, was lost. */
export const ORPHAN_SLOT_SECONDS = 600;
const BATCH = 50;

/**
 * Makes worksets converge whatever was lost: a hand-over that stopped part
 * way becomes `ready` if its `daylily.ready` was written (the runner can see
 * it) or `failed` with its slot released (it cannot); a slot held by a
 * workset that was never recorded, or that finished without releasing it, is
 * released. Each step is conditional, so overlapping runs change nothing twice.
 */
export async function reconcileWorksets(now = new Date()): Promise<{ handedOver: number; failed: number; slotsReleased: number }> {
  const result = { handedOver: 0, failed: 0, slotsReleased: 0 };
  for (const record of await stalePendingWorksets(now)) {
    const visible = await readyFileExists(record);
    const outcome = visible
      ? await transitionWorkset(record, { to: 'ready', by: 'system:worksets-sweep', handedOver: true, now })
      : await transitionWorkset(record, {
          to: 'failed',
          by: 'system:worksets-sweep',
          reason: 'Its hand-over to the runner did not complete; nothing was run. Submit it again.',
          now,
        });
    if (outcome.applied) result[visible ? 'handedOver' : 'failed'] += 1;
  }
  result.slotsReleased = await releaseOrphanSlots(now);
  logger.info('worksets reconciled', result);
  return result;
}

async function stalePendingWorksets(now: Date): Promise<WorksetRecord[]> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: tableName('worksets'),
      IndexName: 'pending',
      KeyConditionExpression: 'pending = :p AND submitted_at < :before',
      ExpressionAttributeValues: { ':p': 'pending', ':before': new Date(now.getTime() - HANDOVER_STALE_SECONDS * 1000).toISOString() },
      Limit: BATCH,
    }),
  );
  // The index is eventually consistent: read each again before acting on it.
  const records = await Promise.all(((Items ?? []) as WorksetRecord[]).map((item) => getWorkset(item.customer_id, item.workset_id)));
  return records.filter((record): record is WorksetRecord => record?.state === 'pending');
}

async function readyFileExists(record: WorksetRecord): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: record.bucket, Key: `${record.prefix}daylily.ready` }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return false;
    throw error;
  }
}

/** Slots of active customers held longer than ORPHAN_SLOT_SECONDS by a workset that does not hold one. */
async function releaseOrphanSlots(now: Date): Promise<number> {
  let released = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName('customers'),
        IndexName: 'by-status',
        KeyConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'ACTIVE' },
        ProjectionExpression: 'customer_id',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const { customer_id: customerId } of (page.Items ?? []) as { customer_id: string }[]) {
      const counters = await readCounters(customerId, true);
      for (const [worksetId, since] of Object.entries(counters.holders)) {
        if (now.getTime() - Date.parse(since) < ORPHAN_SLOT_SECONDS * 1000) continue;
        const record = await getWorkset(customerId, worksetId);
        if (record && holdsSlot(record.state)) continue;
        if (await releaseSlot(customerId, worksetId, since)) {
          released += 1;
          logger.warn('orphan slot released', { customer_id: customerId, workset_id: worksetId, state: record?.state ?? 'no record' });
        }
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return released;
}

async function releaseSlot(customerId: string, worksetId: string, since: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName('usage'),
        Key: counterKey(customerId),
        UpdateExpression: 'REMOVE holders.#ws',
        ConditionExpression: 'holders.#ws = :since',
        ExpressionAttributeNames: { '#ws': worksetId },
        ExpressionAttributeValues: { ':since': since },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
