import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import type { UploadRecord } from './upload-record.ts';

const TABLE = (): string => tableName('uploads');

export async function insertUpload(record: UploadRecord): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE(), Item: record, ConditionExpression: 'attribute_not_exists(upload_id)' }));
}

/** Looked up under the customer: another customer's upload id is simply not found. */
export async function requireUpload(customerId: string, uploadId: string): Promise<UploadRecord> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { customer_id: customerId, upload_id: uploadId }, ConsistentRead: true }));
  if (!Item) throw new NotFoundError(`Upload ${uploadId} does not exist for customer ${customerId}.`);
  return Item as UploadRecord;
}

/** PENDING → COMPLETED or ABORTED, once. */
export async function finishUpload(record: UploadRecord, state: 'COMPLETED' | 'ABORTED', now: Date): Promise<UploadRecord> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: { customer_id: record.customer_id, upload_id: record.upload_id },
        UpdateExpression: 'SET #state = :state, completed_at = :now',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':state': state, ':pending': 'PENDING', ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as UploadRecord;
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError(`Upload ${record.upload_id} is already finished.`);
    throw error;
  }
}
