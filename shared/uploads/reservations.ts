import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems } from '../dynamo/errors.ts';
import { counterKey } from '../usage/counters.ts';
import { counterChange, readStorageUsage, type ReservationRelease } from '../usage/storage-usage.ts';
import type { UploadRecord, UploadState } from './upload-record.ts';

const UPLOADS = (): string => tableName('uploads');
const USAGE = (): string => tableName('usage');

export class StorageQuotaExceeded extends Error {
  constructor(
    readonly usage: { readonly storage_bytes: number; readonly reserved_bytes: number },
    readonly limitBytes: number,
  ) {
    super('storage quota exceeded');
  }
}

/**
 * Records a new upload and reserves its bytes against the storage quota, in
 * one transaction whose only decision is one condition: stored plus reserved
 * bytes, with this upload, stay within the limit. No read decides it, so any
 * number of concurrent uploads cannot overshoot the quota together.
 */
export async function insertWithReservation(record: UploadRecord, limitBytes: number): Promise<void> {
  const headroom = limitBytes - record.reserved_bytes;
  try {
    if (headroom < 0) throw new StorageQuotaExceeded({ storage_bytes: 0, reserved_bytes: 0 }, limitBytes);
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: USAGE(),
              Key: counterKey(record.customer_id),
              UpdateExpression: 'ADD reserved_bytes :r, committed_bytes :r SET updated_at = :now',
              ConditionExpression: 'attribute_not_exists(committed_bytes) OR committed_bytes <= :headroom',
              ExpressionAttributeValues: { ':r': record.reserved_bytes, ':headroom': headroom, ':now': record.created_at },
            },
          },
          { Put: { TableName: UPLOADS(), Item: record, ConditionExpression: 'attribute_not_exists(upload_id)' } },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof StorageQuotaExceeded || failedTransactionItems(error)?.includes(0)) {
      // Read only to explain the refusal; the decision was the condition above.
      const usage = await readStorageUsage(record.customer_id, true);
      throw new StorageQuotaExceeded(usage, limitBytes);
    }
    throw error;
  }
}

/**
 * The transaction item that releases an upload's reservation, on condition
 * that it is still held (so it is released once, whoever gets there first:
 * the object event, an abort, a rejection or the expiry sweep).
 */
export function releaseItem(record: Pick<UploadRecord, 'customer_id' | 'upload_id' | 'reserved_bytes'>, state: UploadState, now: string, reason?: string) {
  return {
    Update: {
      TableName: UPLOADS(),
      Key: { customer_id: record.customer_id, upload_id: record.upload_id },
      UpdateExpression: `SET reserved_bytes = :zero, #state = :state, updated_at = :now${reason ? ', state_reason = :reason' : ''} REMOVE pending`,
      ConditionExpression: 'reserved_bytes = :held AND :held > :zero',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':zero': 0,
        ':held': record.reserved_bytes,
        ':state': state,
        ':now': now,
        ...(reason ? { ':reason': reason } : {}),
      },
    },
  };
}

/** What the object event needs to turn the reservation into storage. */
export function reservationRelease(record: UploadRecord, now: string): ReservationRelease | undefined {
  if (record.reserved_bytes <= 0) return undefined;
  const state = record.state === 'PENDING' || record.state === 'COMPLETED' ? 'COMPLETED' : record.state;
  return { bytes: record.reserved_bytes, item: releaseItem(record, state, now) };
}

/**
 * Releases an upload's reservation without storing anything (aborted,
 * rejected, expired). False when it was already released.
 */
export async function releaseReservation(record: UploadRecord, state: UploadState, now = new Date(), reason?: string): Promise<boolean> {
  if (record.reserved_bytes <= 0) return false;
  const stamp = now.toISOString();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          releaseItem(record, state, stamp, reason),
          counterChange(record.customer_id, { stored: 0, objects: 0, released: record.reserved_bytes }, stamp),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) return false;
    throw error;
  }
}

/** The record of an upload, read consistently, if it exists. */
export async function findUpload(customerId: string, uploadId: string): Promise<UploadRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: UPLOADS(), Key: { customer_id: customerId, upload_id: uploadId }, ConsistentRead: true }));
  return Item as UploadRecord | undefined;
}
