import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { findUpload } from './reservations.ts';
import type { UploadRecord } from './upload-record.ts';

const TABLE = (): string => tableName('uploads');

/** Looked up under the customer: another customer's upload id is simply not found. */
export async function requireUpload(customerId: string, uploadId: string): Promise<UploadRecord> {
  const record = await findUpload(customerId, uploadId);
  if (!record) throw new NotFoundError(`Upload ${uploadId} does not exist for customer ${customerId}.`);
  return record;
}

/** PENDING → COMPLETED, once: the object is in the bucket (its reservation is turned into storage by the object event). */
export async function markCompleted(record: UploadRecord, now: Date): Promise<UploadRecord> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: { customer_id: record.customer_id, upload_id: record.upload_id },
        UpdateExpression: 'SET #state = :completed, completed_at = :now',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':completed': 'COMPLETED', ':pending': 'PENDING', ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as UploadRecord;
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError(`Upload ${record.upload_id} is already finished.`);
    throw error;
  }
}

/** PENDING or COMPLETED → REJECTED: the object was deleted for not having the declared size. */
export async function markRejected(record: UploadRecord, reason: string, now: Date): Promise<void> {
  await dynamo
    .send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: { customer_id: record.customer_id, upload_id: record.upload_id },
        UpdateExpression: 'SET #state = :rejected, state_reason = :reason, updated_at = :now',
        ConditionExpression: '#state IN (:pending, :completed)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':rejected': 'REJECTED', ':reason': reason, ':now': now.toISOString(), ':pending': 'PENDING', ':completed': 'COMPLETED' },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** Uploads still holding a reservation whose URLs expired before `before`, oldest first. */
export async function reservationsExpiredBefore(before: Date, limit: number): Promise<UploadRecord[]> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: TABLE(),
      IndexName: 'pending',
      KeyConditionExpression: 'pending = :p AND url_expires_at < :before',
      ExpressionAttributeValues: { ':p': 'pending', ':before': before.toISOString() },
      Limit: limit,
    }),
  );
  return (Items ?? []) as UploadRecord[];
}
