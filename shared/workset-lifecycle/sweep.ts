import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { s3 } from '../clients/s3.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { logger } from '../observability/logger.ts';
import { counterKey, readCounters } from '../usage/counters.ts';
import { getWorkset, transitionWorkset, type WorksetRecord } from './repository.ts';
import { canMove, holdsSlot, PROGRESS, SENTINEL_STATES, type SentinelName, type WorksetState } from './states.ts';

/** A hand-over still `pending` after this long has stopped (the function that did it died). */
export const HANDOVER_STALE_SECONDS = 120;
/** A slot held this long is checked: released if its workset no longer holds one, moved on if the runner did. */
export const ORPHAN_SLOT_SECONDS = 600;
const BATCH = 50;

/** Sentinels in the order the runner's rule ranks them, most advanced first; Portico's `daylily.ready` last. */
const BY_PROGRESS: readonly SentinelName[] = ['daylily.complete', 'daylily.error', 'daylily.in_progress', 'daylily.lock', 'daylily.ready'];

export interface SweepResult {
  handedOver: number;
  failed: number;
  advanced: number;
  slotsReleased: number;
}

/**
 * Makes worksets converge whatever was lost: a hand-over that stopped part
 * way takes the state of the most advanced sentinel in its folder (`ready`
 * once `daylily.ready` was written, further if the runner already moved it)
 * or ends `failed` with its slot released when the runner cannot see it; a
 * slot held by a workset that was never recorded or has finished is
 * released; a workset whose sentinel event was lost is moved as its folder
 * says. Each step is conditional, so overlapping runs change nothing twice.
 */
export async function reconcileWorksets(now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { handedOver: 0, failed: 0, advanced: 0, slotsReleased: 0 };
  for (const record of await stalePendingWorksets(now)) {
    const seen = await mostAdvancedSentinel(record);
    const outcome = seen
      ? await transitionWorkset(record, { to: SENTINEL_STATES[seen], by: 'system:worksets-sweep', handedOver: true, now })
      : await transitionWorkset(record, {
          to: 'failed',
          by: 'system:worksets-sweep',
          reason: 'Its hand-over to the runner did not complete; nothing was run. Submit it again.',
          now,
        });
    if (outcome.applied) result[seen ? 'handedOver' : 'failed'] += 1;
  }
  await reconcileSlots(now, result);
  logger.info('worksets reconciled', { ...result });
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

/**
 * The most advanced sentinel in the workset's folder that is further than
 * `beyond` and was written during its current attempt (one from before a
 * retry belongs to the earlier attempt, as for events).
 */
async function mostAdvancedSentinel(record: WorksetRecord, beyond?: WorksetState): Promise<SentinelName | undefined> {
  for (const name of BY_PROGRESS) {
    if (beyond !== undefined && (PROGRESS[SENTINEL_STATES[name]] ?? 0) <= (PROGRESS[beyond] ?? 0)) return undefined;
    const written = await sentinelWrittenAt(record, name);
    if (written && written.getTime() >= Date.parse(record.attempt_started_at) - 1000) return name;
  }
  return undefined;
}

async function sentinelWrittenAt(record: WorksetRecord, name: SentinelName): Promise<Date | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: record.bucket, Key: `${record.prefix}${name}` }));
    return head.LastModified ?? new Date();
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Every slot held longer than ORPHAN_SLOT_SECONDS, of active and inactive customers (worksets keep running while a customer is suspended). */
async function reconcileSlots(now: Date, result: SweepResult): Promise<void> {
  for (const status of ['ACTIVE', 'INACTIVE']) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(
        new QueryCommand({
          TableName: tableName('customers'),
          IndexName: 'by-status',
          KeyConditionExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status },
          ProjectionExpression: 'customer_id',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const { customer_id: customerId } of (page.Items ?? []) as { customer_id: string }[]) {
        await reconcileSlotsOf(customerId, now, result);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}

async function reconcileSlotsOf(customerId: string, now: Date, result: SweepResult): Promise<void> {
  const counters = await readCounters(customerId, true);
  for (const [worksetId, since] of Object.entries(counters.holders)) {
    if (now.getTime() - Date.parse(since) < ORPHAN_SLOT_SECONDS * 1000) continue;
    const record = await getWorkset(customerId, worksetId);
    if (record && holdsSlot(record.state)) {
      // `pending` is the hand-over's, handled above.
      if (record.state !== 'pending' && (await advanceByLostSentinel(record, now))) result.advanced += 1;
    } else if (await releaseSlot(customerId, worksetId, since)) {
      result.slotsReleased += 1;
      logger.warn('orphan slot released', { customer_id: customerId, workset_id: worksetId, state: record?.state ?? 'no record' });
    }
  }
}

/** A workset the runner moved on whose sentinel event never arrived: apply what its folder says. */
async function advanceByLostSentinel(record: WorksetRecord, now: Date): Promise<boolean> {
  const seen = await mostAdvancedSentinel(record, record.state);
  if (!seen) return false;
  const to = SENTINEL_STATES[seen];
  if (!canMove(record.state, to)) return false;
  const outcome = await transitionWorkset(record, { to, by: 'system:worksets-sweep', ...(to === 'error' ? { reason: `The runner wrote ${seen}.` } : {}), now });
  if (outcome.applied) logger.warn('workset moved by a sentinel whose event was lost', { customer_id: record.customer_id, workset_id: record.workset_id, to });
  return outcome.applied;
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
