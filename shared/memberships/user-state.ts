import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';

const USERS = (): string => tableName('users');

/**
 * What Portico keeps about a user beside Cognito, one item per user: the
 * default customer (one pointer, so a user can never have two defaults, and
 * the first membership claims it atomically), and which customer's removal
 * disabled the account (only that customer, or a platform admin, may bring
 * it back).
 */
export interface UserState {
  readonly user_id: string;
  readonly default_customer_id?: string;
  readonly disabled_by_customer?: string;
  readonly disabled_at?: string;
  readonly updated_at?: string;
}

export async function getUserState(userId: string): Promise<UserState | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: USERS(), Key: { user_id: userId }, ConsistentRead: true }));
  return Item as UserState | undefined;
}

/** Default customers of many users (at most 100 per call, as BatchGetItem allows). */
export async function defaultCustomersOf(userIds: readonly string[]): Promise<Map<string, string>> {
  const defaults = new Map<string, string>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string }> | undefined = {
      [USERS()]: { Keys: unique.slice(i, i + 100).map((user_id) => ({ user_id })), ProjectionExpression: 'user_id, default_customer_id' },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[USERS()] ?? []) {
        if (typeof item.default_customer_id === 'string') defaults.set(item.user_id as string, item.default_customer_id);
      }
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return defaults;
}

/**
 * The transaction item that makes `customerId` the default only if the user
 * has none, and (when the account has just been enabled again) forgets who
 * disabled it.
 */
export function claimDefaultIfNone(userId: string, customerId: string, now: string, options: { clearDisabled: boolean }) {
  return {
    Update: {
      TableName: USERS(),
      Key: { user_id: userId },
      UpdateExpression:
        'SET default_customer_id = if_not_exists(default_customer_id, :c), updated_at = :now' +
        (options.clearDisabled ? ' REMOVE disabled_by_customer, disabled_at' : ''),
      ExpressionAttributeValues: { ':c': customerId, ':now': now },
    },
  };
}

/** The transaction item that makes `customerId` the default, whatever it was. */
export function setDefaultItem(userId: string, customerId: string, now: string) {
  return {
    Update: {
      TableName: USERS(),
      Key: { user_id: userId },
      UpdateExpression: 'SET default_customer_id = :c, updated_at = :now',
      ExpressionAttributeValues: { ':c': customerId, ':now': now },
    },
  };
}

/**
 * Moves the default from `from` to `to` (or clears it), only if it is still
 * `from`: a concurrent change of default wins over this one.
 */
export async function moveDefault(userId: string, from: string, to: string | null, now = new Date()): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: USERS(),
        Key: { user_id: userId },
        UpdateExpression: to === null ? 'REMOVE default_customer_id SET updated_at = :now' : 'SET default_customer_id = :to, updated_at = :now',
        ConditionExpression: 'default_customer_id = :from',
        ExpressionAttributeValues: { ':from': from, ':now': now.toISOString(), ...(to === null ? {} : { ':to': to }) },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Records that removing the user's last membership, from `customerId`,
 * disabled the account, and clears the default. The first customer to
 * disable it keeps the record: removing the user again from a customer that
 * added the already-disabled account never makes that customer the one
 * allowed to enable it.
 */
export async function recordDisabledBy(userId: string, customerId: string, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: USERS(),
        Key: { user_id: userId },
        UpdateExpression: 'SET disabled_by_customer = :c, disabled_at = :now, updated_at = :now REMOVE default_customer_id',
        ConditionExpression: 'attribute_not_exists(disabled_by_customer)',
        ExpressionAttributeValues: { ':c': customerId, ':now': stamp },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await dynamo.send(
      new UpdateCommand({
        TableName: USERS(),
        Key: { user_id: userId },
        UpdateExpression: 'SET updated_at = :now REMOVE default_customer_id',
        ExpressionAttributeValues: { ':now': stamp },
      }),
    );
  }
}
