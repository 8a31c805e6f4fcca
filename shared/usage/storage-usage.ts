import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems } from '../dynamo/errors.ts';
import { counterKey, readCounters } from './counters.ts';
import { classAttributes, prefixClassOf, type PrefixClass } from './prefix-class.ts';
import { normalizeSequencer } from './sequencer.ts';

const TABLE = (): string => tableName('usage');

/** How long a deleted version's tombstone is kept: longer than EventBridge retries an event (6 hours). */
const TOMBSTONE_DAYS = 7;

/**
 * Storage per customer, counted as it happens (DESIGN decision 5): every S3
 * object version is a ledger item holding its size, and the customer's
 * counter item (counters.ts) holds the running totals, overall and per prefix
 * class. Reading usage is one GetItem however many objects there are.
 *
 * Each event is applied in one transaction conditioned on the ledger item
 * being as it was read, and on S3's sequencer (per-key event order): a
 * repeated or older delivery changes nothing. A deletion leaves a tombstone
 * with its sequencer, so a creation delivered after the deletion of the same
 * version is recognised as older and ignored. Delete events carry no size:
 * the ledger item is what knows it.
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

/** DynamoDB's limit on a sort key value, in bytes. */
const MAX_SORT_KEY_BYTES = 1024;

/**
 * `object#<version>#<key>`; a key too long for that to fit in a sort key (S3
 * keys go up to 1,024 bytes themselves) is named by its SHA-256 under a prefix
 * of its own, so no short key can collide with it.
 */
export function ledgerRecord(key: string, versionId: string | undefined): string {
  const record = `object#${versionId ?? 'null'}#${key}`;
  return Buffer.byteLength(record) <= MAX_SORT_KEY_BYTES ? record : `object-sha256#${versionId ?? 'null'}#${createHash('sha256').update(key).digest('hex')}`;
}

const ledgerKey = (customerId: string, key: string, versionId: string | undefined) => ({ customer_id: customerId, record: ledgerRecord(key, versionId) });

interface CounterChange {
  readonly stored: number;
  readonly objects: number;
  readonly released: number;
  /** The prefix class the stored bytes and objects belong to. */
  readonly prefixClass?: PrefixClass;
}

/** Moves the counter: stored bytes and objects (overall and in their class), and reserved bytes released into storage (or dropped). */
export function counterChange(customerId: string, change: CounterChange, now: string) {
  const byClass = change.prefixClass ? classAttributes(change.prefixClass) : undefined;
  return {
    Update: {
      TableName: TABLE(),
      Key: counterKey(customerId),
      UpdateExpression: `ADD storage_bytes :b, object_count :o, reserved_bytes :r, committed_bytes :c${byClass ? ', #classBytes :b, #classObjects :o' : ''} SET updated_at = :now`,
      ...(byClass ? { ExpressionAttributeNames: { '#classBytes': byClass.bytes, '#classObjects': byClass.objects } } : {}),
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

type LedgerItem = { readonly sequencer: string; readonly size?: number; readonly deleted?: boolean } & Record<string, unknown>;

async function readLedger(key: ReturnType<typeof ledgerKey>): Promise<LedgerItem | undefined> {
  return (await dynamo.send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item as LedgerItem | undefined;
}

/** The ledger item must still be what was read (or still be absent). */
function unchanged(previous: LedgerItem | undefined) {
  return previous
    ? { ConditionExpression: 'sequencer = :previous', ExpressionAttributeValues: { ':previous': previous.sequencer } }
    : { ConditionExpression: 'attribute_not_exists(customer_id)' };
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
  const previous = await readLedger(key);
  if (previous && previous.sequencer >= sequencer) return 'duplicate';
  const live = previous && !previous.deleted ? previous : undefined;
  const stamp = now.toISOString();
  const put = { Put: { TableName: TABLE(), Item: { ...key, size: object.size, sequencer, stored_at: stamp }, ...unchanged(previous) } };
  const change = { stored: object.size - Number(live?.size ?? 0), objects: live ? 0 : 1, prefixClass: prefixClassOf(object.key) };
  const write = (release?: ReservationRelease) =>
    dynamo.send(
      new TransactWriteCommand({
        TransactItems: [put, counterChange(object.customerId, { ...change, released: release?.bytes ?? 0 }, stamp), ...(release ? [release.item] : [])],
      }),
    );
  try {
    await write(reservation);
    return 'applied';
  } catch (error) {
    const failed = failedTransactionItems(error);
    // Another delivery of this version moved the ledger meanwhile: read it again and decide anew.
    if (failed?.includes(0)) return recordObjectStored(object, reservation, now);
    // The reservation was released meanwhile (aborted, expired): count the object alone.
    if (reservation && failed?.includes(2)) return recordObjectStored(object, undefined, now);
    throw error;
  }
}

/**
 * Uncounts a permanently deleted object version (a DeleteObject on an
 * unversioned key, a DeleteObject naming a version, or a lifecycle
 * expiration of a noncurrent version), leaving a tombstone.
 */
export async function recordObjectDeleted(
  deleted: { readonly customerId: string; readonly key: string; readonly versionId?: string; readonly sequencer: string },
  now = new Date(),
): Promise<'applied' | 'unknown' | 'duplicate'> {
  const key = ledgerKey(deleted.customerId, deleted.key, deleted.versionId);
  const sequencer = normalizeSequencer(deleted.sequencer);
  const previous = await readLedger(key);
  if (previous && previous.sequencer >= sequencer) return 'duplicate';
  const live = previous && !previous.deleted ? previous : undefined;
  const stamp = now.toISOString();
  const tombstone = {
    Put: {
      TableName: TABLE(),
      Item: { ...key, deleted: true, sequencer, deleted_at: stamp, expires_at: Math.floor(now.getTime() / 1000) + TOMBSTONE_DAYS * 86_400 },
      ...unchanged(previous),
    },
  };
  const items = live
    ? [tombstone, counterChange(deleted.customerId, { stored: -Number(live.size ?? 0), objects: -1, released: 0, prefixClass: prefixClassOf(deleted.key) }, stamp)]
    : [tombstone];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    return live ? 'applied' : 'unknown';
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) return recordObjectDeleted(deleted, now);
    throw error;
  }
}
