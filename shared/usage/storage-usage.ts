import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems } from '../dynamo/errors.ts';
import { counterKey, readCounters } from './counters.ts';
import { normalizeSequencer } from './sequencer.ts';

const TABLE = (): string => tableName('usage');

/**
 * Storage per customer, counted as it happens (DESIGN decision 5): every S3
 * object version is a ledger item holding its size, and the customer's
 * counter item (counters.ts) holds the running totals. Reading usage is one GetItem however many objects
 * there are. Each event is applied in one transaction whose conditions make a
 * repeated or out-of-order delivery a no-op.
 *
 * The counter also holds what uploads in flight have reserved
 * (`reserved_bytes`) and `committed_bytes` = stored + reserved, kept in the
 * same writes, so that issuing an upload can check the quota and reserve its
 * bytes in one conditional write (DynamoDB conditions cannot add attributes).
 */
export interface StorageUsage {
  readonly storage_bytes: number;
  readonly object_count: number;
  readonly reserved_bytes: number;
}

export async function readStorageUsage(customerId: string, consistent = false): Promise<StorageUsage> {
  const counters = await readCounters(customerId, consistent);
  return { storage_bytes: counters.storage_bytes, object_count: counters.object_count, reserved_bytes: counters.reserved_bytes };
}

const ledgerKey = (customerId: string, key: string, versionId: string | undefined) => ({
  customer_id: customerId,
  record: `object#${versionId ?? 'null'}#${key}`,
});

/** Moves the counter: stored bytes and objects, and reserved bytes released into storage (or dropped). */
export function counterChange(customerId: string, change: { stored: number; objects: number; released: number }, now: string) {
  return {
    Update: {
      TableName: TABLE(),
      Key: counterKey(customerId),
      UpdateExpression: 'ADD storage_bytes :b, object_count :o, reserved_bytes :r, committed_bytes :c SET updated_at = :now',
      ExpressionAttributeValues: {
        ':b': change.stored,
        ':o': change.objects,
        ':r': -change.released,
        ':c': change.stored - change.released,
        ':now': now,
      },
    },
  };
}

export interface StoredObject {
  readonly customerId: string;
  readonly key: string;
  readonly versionId?: string;
  readonly size: number;
  /** S3's per-key event order (hex); a later write of the same unversioned key has a larger one. */
  readonly sequencer: string;
}

/** A reservation to turn into storage in the same transaction, as the uploads module builds it. */
export interface ReservationRelease {
  readonly bytes: number;
  /** The transaction item that marks the reservation released, conditional on it still being held. */
  readonly item: Record<string, unknown>;
}

/**
 * Counts a new object version (an unversioned overwrite counts the
 * difference), and, when it is the object of an upload still holding a
 * reservation, releases that reservation in the same transaction: the bytes
 * move from reserved to stored exactly once.
 */
export async function recordObjectStored(
  object: StoredObject,
  reservation?: ReservationRelease,
  now = new Date(),
): Promise<'applied' | 'duplicate'> {
  const key = ledgerKey(object.customerId, object.key, object.versionId);
  const sequencer = normalizeSequencer(object.sequencer);
  const previous = (await dynamo.send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;
  const stamp = now.toISOString();
  const put = {
    Put: {
      TableName: TABLE(),
      Item: { ...key, size: object.size, sequencer, stored_at: stamp },
      ConditionExpression: previous ? 'sequencer = :previous AND :seq > sequencer' : 'attribute_not_exists(customer_id)',
      ExpressionAttributeValues: previous ? { ':previous': previous.sequencer, ':seq': sequencer } : undefined,
    },
  };
  const stored = object.size - Number(previous?.size ?? 0);
  const objects = previous ? 0 : 1;
  const write = (release?: ReservationRelease) =>
    dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          put,
          counterChange(object.customerId, { stored, objects, released: release?.bytes ?? 0 }, stamp),
          ...(release ? [release.item] : []),
        ],
      }),
    );
  try {
    await write(reservation);
    return 'applied';
  } catch (error) {
    const failed = failedTransactionItems(error);
    if (failed?.includes(0)) return 'duplicate';
    // The reservation was released meanwhile (aborted, expired): count the object alone.
    if (reservation && failed?.includes(2)) return recordObjectStored(object, undefined, now);
    throw error;
  }
}

/** Uncounts a permanently deleted object version. */
export async function recordObjectDeleted(customerId: string, objectKey: string, versionId?: string, now = new Date()): Promise<'applied' | 'unknown'> {
  const key = ledgerKey(customerId, objectKey, versionId);
  const previous = (await dynamo.send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;
  if (!previous) return 'unknown';
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: TABLE(),
              Key: key,
              ConditionExpression: 'sequencer = :seq',
              ExpressionAttributeValues: { ':seq': previous.sequencer },
            },
          },
          counterChange(customerId, { stored: -Number(previous.size), objects: -1, released: 0 }, now.toISOString()),
        ],
      }),
    );
    return 'applied';
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) return 'unknown';
    throw error;
  }
}
