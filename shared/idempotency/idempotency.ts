import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { UnprocessableError, ValidationError } from '../http/errors.ts';

export { requestHash } from './request-hash.ts';

const TABLE = (): string => tableName('idempotency');
/** How long a key is remembered; a client retrying later than this creates anew. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyRecord {
  readonly idempotency_key: string;
  readonly request_hash: string;
  readonly resource_id: string;
  readonly created_at: string;
  readonly expires_at: number;
}

/** A client's key, scoped to the operation and the caller so keys never collide across users. */
export function idempotencyKey(operation: string, callerId: string, headerValue: string | undefined): string | undefined {
  if (headerValue === undefined) return undefined;
  if (!KEY_PATTERN.test(headerValue)) {
    throw new ValidationError([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);
  }
  return `${operation}#${callerId}#${headerValue}`;
}

/** The live (unexpired) record of a key, if a previous request left one. */
export async function findIdempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { idempotency_key: key }, ConsistentRead: true }));
  const record = Item as IdempotencyRecord | undefined;
  return record && record.expires_at >= Math.floor(Date.now() / 1000) ? record : undefined;
}

/**
 * The resource a previous request with this key created, or undefined if the
 * key is new (or expired). The same key with another body is a 422.
 */
export async function findReplay(key: string, hash: string): Promise<string | undefined> {
  const record = await findIdempotencyRecord(key);
  if (!record) return undefined;
  if (record.request_hash !== hash) {
    throw new UnprocessableError('This Idempotency-Key was already used with a different request body.');
  }
  return record.resource_id;
}

/** The transaction item that records the key together with the resource it creates, for `ttlSeconds`. */
export function idempotencyPut(key: string, hash: string, resourceId: string, now: Date, ttlSeconds = IDEMPOTENCY_TTL_SECONDS) {
  const record: IdempotencyRecord = {
    idempotency_key: key,
    request_hash: hash,
    resource_id: resourceId,
    created_at: now.toISOString(),
    expires_at: Math.floor(now.getTime() / 1000) + ttlSeconds,
  };
  return {
    Put: {
      TableName: TABLE(),
      Item: record,
      // An expired record (TTL deletion lags) may be overwritten.
      ConditionExpression: 'attribute_not_exists(idempotency_key) OR expires_at < :now',
      ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
    },
  };
}
