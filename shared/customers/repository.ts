import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { auditPut, type AuditEntry } from '../audit/audit-log.ts';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { buildUpdateExpression } from '../dynamo/update-expression.ts';
import { failedTransactionItems, isConditionFailure } from '../dynamo/errors.ts';
import { NotFoundError } from '../http/errors.ts';
import { decodePageToken, encodePageToken } from '../http/pagination.ts';
import { idempotencyPut } from '../idempotency/idempotency.ts';
import { mirrorStatusItem } from '../usage/counters.ts';
import type { CustomerItem } from './customer.ts';
import { EDITABLE_STATUSES, TRANSITIONS, transitionRefused, type CustomerAction, type CustomerStatus } from './status.ts';

const TABLE = (): string => tableName('customers');

export class CustomerIdTakenError extends Error {}
export class IdempotencyKeyTakenError extends Error {}

export async function getCustomer(customerId: string): Promise<CustomerItem | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { customer_id: customerId } }));
  return Item as CustomerItem | undefined;
}

export async function requireCustomer(customerId: string): Promise<CustomerItem> {
  const customer = await getCustomer(customerId);
  if (!customer) throw new NotFoundError(`Customer ${customerId} does not exist.`);
  return customer;
}

/**
 * Writes a new customer, and with it the idempotency record if the request
 * carried a key, in one transaction: either both exist or neither does.
 */
export async function insertCustomer(
  item: CustomerItem,
  idempotency?: { readonly key: string; readonly hash: string; readonly ttlSeconds: number },
): Promise<void> {
  const putCustomer = {
    Put: { TableName: TABLE(), Item: item, ConditionExpression: 'attribute_not_exists(customer_id)' },
  };
  try {
    if (!idempotency) {
      await dynamo.send(new PutCommand(putCustomer.Put));
      return;
    }
    const putKey = idempotencyPut(idempotency.key, idempotency.hash, item.customer_id, new Date(item.created_at), idempotency.ttlSeconds);
    await dynamo.send(new TransactWriteCommand({ TransactItems: [putCustomer, putKey] }));
  } catch (error) {
    if (isConditionFailure(error)) throw new CustomerIdTakenError(item.customer_id);
    const failed = failedTransactionItems(error);
    if (failed?.includes(1)) throw new IdempotencyKeyTakenError(idempotency?.key);
    if (failed?.includes(0)) throw new CustomerIdTakenError(item.customer_id);
    throw error;
  }
}

export interface CustomerPage {
  readonly items: CustomerItem[];
  readonly nextToken?: string;
}

/** Newest first; by status through the `by-status` index, else through `by-created`. */
export async function listCustomers(options: { limit: number; nextToken?: string; status?: CustomerStatus }): Promise<CustomerPage> {
  const byStatus = options.status !== undefined;
  const indexName = byStatus ? 'by-status' : 'by-created';
  const indexKey = byStatus ? 'status' : 'record_type';
  const startKey = decodePageToken(options.nextToken, ['customer_id', indexKey, 'created_at'], {
    [indexKey]: byStatus ? (options.status as string) : 'customer',
  });
  const result = await dynamo.send(
    new QueryCommand({
      TableName: TABLE(),
      IndexName: indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': indexKey },
      ExpressionAttributeValues: { ':pk': byStatus ? options.status : 'customer' },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const nextToken = encodePageToken(result.LastEvaluatedKey);
  return { items: (result.Items ?? []) as CustomerItem[], ...(nextToken ? { nextToken } : {}) };
}

interface ConditionalUpdate {
  readonly customerId: string;
  readonly changes: Record<string, unknown>;
  readonly allowedStatuses: readonly CustomerStatus[];
  readonly extraCondition?: { expression: string; values: Record<string, unknown> };
  /** ALL_NEW returns the item after the write, ALL_OLD the item before it. */
  readonly returnValues: 'ALL_NEW' | 'ALL_OLD';
}

/** One UpdateItem guarded by the customer's status: checked and applied atomically. */
async function conditionalUpdate(update: ConditionalUpdate): Promise<{ ok: true; item: CustomerItem } | { ok: false; current?: CustomerItem }> {
  const parts = buildUpdateExpression(update.changes);
  const statusValues = Object.fromEntries(update.allowedStatuses.map((s, i) => [`:s${i}`, s]));
  const condition = [
    'attribute_exists(customer_id)',
    `#status IN (${Object.keys(statusValues).join(', ')})`,
    ...(update.extraCondition ? [update.extraCondition.expression] : []),
  ].join(' AND ');
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: { customer_id: update.customerId },
        ...parts,
        ConditionExpression: condition,
        ExpressionAttributeNames: { ...parts.ExpressionAttributeNames, '#status': 'status' },
        ExpressionAttributeValues: { ...parts.ExpressionAttributeValues, ...statusValues, ...update.extraCondition?.values },
        ReturnValues: update.returnValues,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { ok: true, item: Attributes as CustomerItem };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The document client does not unmarshall the item attached to this error.
    return { ok: false, current: error.Item ? (unmarshall(error.Item) as CustomerItem) : undefined };
  }
}

export interface TransitionOptions {
  readonly actor: string;
  readonly now?: Date;
  /** Extra fields to set (value) or remove (null) in the same write. */
  readonly changes?: Record<string, unknown>;
  /** Apply only if the stack operation under way has this token (status events). */
  readonly expectedToken?: string;
  /** Apply only from this status (one the rule allows): the status the caller read, so concurrent callers apply once. */
  readonly onlyFrom?: CustomerStatus;
  /** An audit entry written in the same transaction: the change is never made without its record. */
  readonly audit?: AuditEntry;
}

/**
 * Moves a customer along the state machine, or answers 404/409 without
 * writing. The counter item's mirror of the status changes in the same
 * transaction, so workset admission (which checks the mirror) can never see
 * a status the customer does not have.
 */
export async function transitionCustomer(customerId: string, action: CustomerAction, options: TransitionOptions): Promise<CustomerItem> {
  const rule = TRANSITIONS[action];
  const now = (options.now ?? new Date()).toISOString();
  const parts = buildUpdateExpression({ ...options.changes, status: rule.to, updated_at: now, updated_by: options.actor });
  const from = options.onlyFrom !== undefined ? rule.from.filter((status) => status === options.onlyFrom) : rule.from;
  const statusValues = Object.fromEntries((from.length > 0 ? from : ['none']).map((s, i) => [`:s${i}`, s]));
  const condition = [
    'attribute_exists(customer_id)',
    `#status IN (${Object.keys(statusValues).join(', ')})`,
    ...(options.expectedToken !== undefined ? ['stack_operation_token = :token'] : []),
  ].join(' AND ');
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: TABLE(),
              Key: { customer_id: customerId },
              ...parts,
              ConditionExpression: condition,
              ExpressionAttributeNames: { ...parts.ExpressionAttributeNames, '#status': 'status' },
              ExpressionAttributeValues: {
                ...parts.ExpressionAttributeValues,
                ...statusValues,
                ...(options.expectedToken !== undefined ? { ':token': options.expectedToken } : {}),
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          mirrorStatusItem(customerId, rule.to, now),
          ...(options.audit ? [auditPut(options.audit, new Date(now))] : []),
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] }).CancellationReasons;
    if (failedTransactionItems(error)?.includes(0)) {
      const current = reasons?.[0]?.Item ? asCustomerItem(reasons[0].Item) : undefined;
      if (!current) throw new NotFoundError(`Customer ${customerId} does not exist.`);
      if (options.expectedToken !== undefined && current.stack_operation_token !== options.expectedToken) {
        throw new StaleStackEventError(customerId, options.expectedToken);
      }
      throw transitionRefused(customerId, current.status, action);
    }
    throw error;
  }
  return requireConsistentCustomer(customerId);
}

/** The item attached to a failed transaction condition: marshalled by the low-level client, plain through some paths. */
function asCustomerItem(item: Record<string, unknown>): CustomerItem {
  const marshalled = Object.values(item).every((v) => typeof v === 'object' && v !== null && Object.keys(v).length === 1);
  return (marshalled ? unmarshall(item as Parameters<typeof unmarshall>[0]) : item) as CustomerItem;
}

async function requireConsistentCustomer(customerId: string): Promise<CustomerItem> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { customer_id: customerId }, ConsistentRead: true }));
  if (!Item) throw new NotFoundError(`Customer ${customerId} does not exist.`);
  return Item as CustomerItem;
}

/** A stack event for an operation that is no longer the customer's current one. */
export class StaleStackEventError extends Error {
  constructor(customerId: string, token: string) {
    super(`Stack event with token ${token} is not the current operation of ${customerId}`);
  }
}

/** Applies a profile/plan/quota change while the customer is editable. */
export async function updateCustomerFields(
  customerId: string,
  changes: Record<string, unknown>,
  options: { actor: string; now?: Date },
): Promise<{ before: CustomerItem; after: CustomerItem }> {
  const now = (options.now ?? new Date()).toISOString();
  const result = await conditionalUpdate({
    customerId,
    allowedStatuses: EDITABLE_STATUSES,
    changes: { ...changes, updated_at: now, updated_by: options.actor },
    returnValues: 'ALL_OLD',
  });
  if (!result.ok) {
    if (!result.current) throw new NotFoundError(`Customer ${customerId} does not exist.`);
    throw transitionRefused(customerId, result.current.status, 'update');
  }
  // The write applied exactly these changes to `before`, so `after` follows without a read.
  const before = result.item;
  const after = structuredClone({ ...before, updated_at: now, updated_by: options.actor }) as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const path = field.split('.');
    const last = path.pop() as string;
    const parent = path.reduce((node, part) => (node[part] ??= {}) as Record<string, unknown>, after);
    if (value === null) delete parent[last];
    else parent[last] = value;
  }
  return { before, after: after as unknown as CustomerItem };
}
