import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import type { CustomerItem, TemplateUpdate } from './customer.ts';
import type { CustomerStatus } from './status.ts';

/**
 * DynamoDB access of the template rollout. A rollout is one item in the
 * customers table, keyed `rollout#<version>`: no customer id can take that
 * shape, and without `status` or `record_type` it is in neither index, so
 * customer listings never see it. Each write on a customer is one
 * conditional UpdateItem guarded by the token of the update it concerns.
 */
const TABLE = (): string => tableName('customers');

export interface RolloutItem {
  readonly customer_id: string;
  readonly rollout_version: string;
  readonly started_at: string;
  readonly started_by: string;
  readonly batch_size: number;
  /** Set while no work is left; the sweep leaves a completed rollout alone until the next POST. */
  readonly completed_at?: string;
  readonly last_advanced_at?: string;
  /** One request or sweep run advances the rollout at a time: the holder's lease expires then. */
  readonly lease_until?: string;
}

export const rolloutKey = (version: string): string => `rollout#${version}`;

export async function getRollout(version: string): Promise<RolloutItem | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { customer_id: rolloutKey(version) }, ConsistentRead: true }));
  return Item as RolloutItem | undefined;
}

/** Records the rollout to `version` unless it exists; answers whether this call created it. */
export async function createRollout(item: Omit<RolloutItem, 'customer_id'>): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE(),
        Item: { customer_id: rolloutKey(item.rollout_version), ...item },
        ConditionExpression: 'attribute_not_exists(customer_id)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A POST on an existing rollout: its batch size (if given), and not completed any more. */
export async function reopenRollout(version: string, batchSize: number | undefined): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: { customer_id: rolloutKey(version) },
      UpdateExpression: batchSize === undefined ? 'REMOVE completed_at' : 'SET batch_size = :b REMOVE completed_at',
      ConditionExpression: 'attribute_exists(customer_id)',
      ...(batchSize === undefined ? {} : { ExpressionAttributeValues: { ':b': batchSize } }),
    }),
  );
}

/** Takes the rollout's lease until `until`, if no one holds it; answers whether it did. */
export async function takeLease(version: string, now: Date, until: Date): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: rolloutKey(version) },
    UpdateExpression: 'SET lease_until = :until',
    ConditionExpression: 'attribute_exists(customer_id) AND (attribute_not_exists(lease_until) OR lease_until < :now)',
    ExpressionAttributeValues: { ':until': until.toISOString(), ':now': now.toISOString() },
  });
}

/** Gives the lease back and records how the run left the rollout. */
export async function releaseLease(version: string, until: Date, result: { readonly now: Date; readonly completed: boolean }): Promise<void> {
  await conditional({
    TableName: TABLE(),
    Key: { customer_id: rolloutKey(version) },
    UpdateExpression: result.completed
      ? 'SET last_advanced_at = :now, completed_at = if_not_exists(completed_at, :now) REMOVE lease_until'
      : 'SET last_advanced_at = :now REMOVE lease_until, completed_at',
    ConditionExpression: 'lease_until = :until',
    ExpressionAttributeValues: { ':until': until.toISOString(), ':now': result.now.toISOString() },
  });
}

/** Customers with this status, every page (`behindOf`: only those not on that version). */
export async function customersWithStatus(status: CustomerStatus, behindOf?: string): Promise<CustomerItem[]> {
  return allPages({
    TableName: TABLE(),
    IndexName: 'by-status',
    KeyConditionExpression: '#status = :status',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':status': status, ...(behindOf ? { ':v': behindOf } : {}) },
    ...(behindOf ? { FilterExpression: 'attribute_not_exists(template_version) OR template_version <> :v' } : {}),
  });
}

/** Every customer, through the `by-created` index. */
export async function allCustomers(): Promise<CustomerItem[]> {
  return allPages({
    TableName: TABLE(),
    IndexName: 'by-created',
    KeyConditionExpression: 'record_type = :customer',
    ExpressionAttributeValues: { ':customer': 'customer' },
  });
}

async function allPages(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<CustomerItem[]> {
  const items: CustomerItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as CustomerItem[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

const UPDATE_NAMES = { '#u': 'template_update', '#token': 'token', '#state': 'state' };

/**
 * Claims the customer for an update: records it unless the customer moved on
 * since it was read (another claim, a status change, the version reached).
 * Of concurrent claims on one customer, one succeeds.
 */
export async function claimTemplateUpdate(customer: CustomerItem, update: TemplateUpdate): Promise<boolean> {
  const previous = customer.template_update?.token;
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customer.customer_id },
    UpdateExpression: 'SET #u = :update',
    ConditionExpression: [
      'attribute_exists(customer_id)',
      '#status = :active',
      '(attribute_not_exists(template_version) OR template_version <> :version)',
      previous === undefined ? 'attribute_not_exists(#u)' : '#u.#token = :previous',
    ].join(' AND '),
    ExpressionAttributeNames: { '#u': 'template_update', '#status': 'status', ...(previous === undefined ? {} : { '#token': 'token' }) },
    ExpressionAttributeValues: { ':update': update, ':active': 'ACTIVE', ':version': update.version, ...(previous === undefined ? {} : { ':previous': previous }) },
  });
}

/** Undoes a claim whose UpdateStack did not happen (the stack was busy, CloudFormation unreachable): as it was before. */
export async function releaseTemplateUpdate(customerId: string, token: string, previous: TemplateUpdate | undefined): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: previous ? 'SET #u = :previous' : 'REMOVE #u',
    ConditionExpression: '#u.#token = :token',
    ExpressionAttributeNames: { '#u': 'template_update', '#token': 'token' },
    ExpressionAttributeValues: { ':token': token, ...(previous ? { ':previous': previous } : {}) },
  });
}

/** Records the version a create is about to bring the stack to, while that create is the customer's current operation. */
export async function markCreateTarget(customerId: string, update: TemplateUpdate): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: 'SET #u = :update',
    ConditionExpression: 'stack_operation_token = :token',
    ExpressionAttributeNames: { '#u': 'template_update' },
    ExpressionAttributeValues: { ':update': update, ':token': update.token },
  });
}

/** The operation with this token reached its version: it becomes the customer's template version. */
export async function confirmTemplateVersion(customerId: string, token: string): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: 'SET template_version = #u.#version REMOVE #u',
    ConditionExpression: '#u.#token = :token',
    ExpressionAttributeNames: { '#u': 'template_update', '#token': 'token', '#version': 'version' },
    ExpressionAttributeValues: { ':token': token },
  });
}

/** The update is rolling back: its reason, while its outcome is still to come. */
export async function recordTemplateUpdateReason(customerId: string, token: string, reason: string): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: 'SET #u.reason = :reason',
    ConditionExpression: '#u.#token = :token AND #u.#state = :updating',
    ExpressionAttributeNames: UPDATE_NAMES,
    ExpressionAttributeValues: { ':token': token, ':updating': 'updating', ':reason': reason },
  });
}

/** The update failed: recorded once (a reason recorded while it rolled back is kept). */
export async function recordTemplateUpdateFailed(customerId: string, token: string, reason: string, now: Date): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: 'SET #u.#state = :failed, #u.reason = if_not_exists(#u.reason, :reason), #u.finished_at = :now',
    ConditionExpression: '#u.#token = :token AND #u.#state = :updating',
    ExpressionAttributeNames: UPDATE_NAMES,
    ExpressionAttributeValues: { ':token': token, ':updating': 'updating', ':failed': 'failed', ':reason': reason, ':now': now.toISOString() },
  });
}

/**
 * The outcome of a PATCH's stack update (`update-<id>-<ms>`): a failure is
 * recorded, a success clears an earlier one. Applied only if no later PATCH
 * update's outcome was, so a late or replayed event changes nothing.
 */
export async function recordPatchUpdateOutcome(
  customerId: string,
  updateMs: number,
  failure: { readonly status: string; readonly reason: string; readonly at: string } | undefined,
): Promise<boolean> {
  return conditional({
    TableName: TABLE(),
    Key: { customer_id: customerId },
    UpdateExpression: failure ? 'SET stack_update_seen_ms = :ms, stack_update_failure = :failure' : 'SET stack_update_seen_ms = :ms REMOVE stack_update_failure',
    // Of one update's failure statuses, the first recorded (it carries the reason) stays.
    ConditionExpression: failure
      ? 'attribute_exists(customer_id) AND (attribute_not_exists(stack_update_seen_ms) OR stack_update_seen_ms < :ms OR (stack_update_seen_ms = :ms AND attribute_not_exists(stack_update_failure)))'
      : 'attribute_exists(customer_id) AND (attribute_not_exists(stack_update_seen_ms) OR stack_update_seen_ms <= :ms)',
    ExpressionAttributeValues: { ':ms': updateMs, ...(failure ? { ':failure': failure } : {}) },
  });
}

/** One conditional UpdateItem; false when its condition did not hold. */
async function conditional(input: UpdateCommandInput): Promise<boolean> {
  try {
    await dynamo.send(new UpdateCommand(input));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
