import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems } from '../dynamo/errors.ts';
import { normalizeSequencer } from './sequencer.ts';

const TABLE = (): string => tableName('usage');
const COUNTER = 'storage';

/**
 * Storage per customer, counted as it happens (DESIGN decision 5): every S3
 * object version is a ledger item holding its size, and the `storage` item
 * holds the running totals. Reading usage is one GetItem however many objects
 * there are. Each event is applied in one transaction whose conditions make a
 * repeated or out-of-order delivery a no-op.
 */
export interface StorageUsage {
  readonly storage_bytes: number;
  readonly object_count: number;
}

export async function readStorageUsage(customerId: string): Promise<StorageUsage> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { customer_id: customerId, record: COUNTER } }));
  return { storage_bytes: Number(Item?.storage_bytes ?? 0), object_count: Number(Item?.object_count ?? 0) };
}

const ledgerKey = (customerId: string, key: string, versionId: string | undefined) => ({
  customer_id: customerId,
  record: `object#${versionId ?? 'null'}#${key}`,
});

const counterChange = (customerId: string, bytes: number, objects: number, now: string) => ({
  Update: {
    TableName: TABLE(),
    Key: { customer_id: customerId, record: COUNTER },
    UpdateExpression: 'ADD storage_bytes :b, object_count :o SET updated_at = :now',
    ExpressionAttributeValues: { ':b': bytes, ':o': objects, ':now': now },
  },
});

export interface StoredObject {
  readonly customerId: string;
  readonly key: string;
  readonly versionId?: string;
  readonly size: number;
  /** S3's per-key event order (hex); a later write of the same unversioned key has a larger one. */
  readonly sequencer: string;
}

/** Counts a new object version; an unversioned overwrite counts the difference. */
export async function recordObjectStored(object: StoredObject, now = new Date()): Promise<'applied' | 'duplicate'> {
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
  const delta = object.size - Number(previous?.size ?? 0);
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: [put, counterChange(object.customerId, delta, previous ? 0 : 1, stamp)] }));
    return 'applied';
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) return 'duplicate';
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
          counterChange(customerId, -Number(previous.size), -1, now.toISOString()),
        ],
      }),
    );
    return 'applied';
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) return 'unknown';
    throw error;
  }
}
