import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems, isConditionFailure } from '../dynamo/errors.ts';
import { decodePageToken, encodePageToken } from '../http/pagination.ts';
import { computeTimeItem } from '../usage/monthly.ts';
import { counterKey } from '../usage/counters.ts';
import { holdsSlot, type WorksetState } from './states.ts';

const WORKSETS = (): string => tableName('worksets');
type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface HistoryEntry {
  readonly state: WorksetState;
  readonly at: string;
  /** A user id, `runner` (a sentinel file) or `system:<component>`. */
  readonly by: string;
  readonly reason?: string;
}

/** A workset as stored in the worksets table. */
export interface WorksetRecord {
  readonly customer_id: string;
  readonly workset_id: string;
  readonly state: WorksetState;
  /** `<customer_id>#<state>`: the partition key of the `by-state` index. */
  readonly customer_state: string;
  readonly workset_name?: string;
  readonly pipeline: string;
  readonly reference_genome: string;
  readonly priority: string;
  readonly sample_count: number;
  readonly bucket: string;
  /** `worksets/<workset_id>/`. */
  readonly prefix: string;
  readonly export_uri: string;
  /** Object keys Portico wrote for the runner, in write order. */
  readonly files: readonly string[];
  readonly submitted_at: string;
  readonly submitted_by: string;
  readonly updated_at: string;
  /** When the current attempt began: sentinel events older than this belong to an earlier attempt. */
  readonly attempt_started_at: string;
  readonly history: readonly HistoryEntry[];
  readonly state_reason?: string;
  /** Present while Portico is still handing the workset to the runner (the sweep's index). */
  readonly pending?: 'pending';
  readonly quota_warnings?: readonly { quota: string; limit: number; used: number; detail: string }[];
}

export async function getWorkset(customerId: string, worksetId: string): Promise<WorksetRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: WORKSETS(), Key: { customer_id: customerId, workset_id: worksetId }, ConsistentRead: true }));
  return Item as WorksetRecord | undefined;
}

/** Writes a new workset; false when one with this id exists already (a retried submission). */
export async function insertWorkset(record: WorksetRecord): Promise<boolean> {
  try {
    await dynamo.send(new PutCommand({ TableName: WORKSETS(), Item: record, ConditionExpression: 'attribute_not_exists(workset_id)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A customer's worksets, newest first, optionally in one state. */
export async function listWorksets(customerId: string, options: { limit: number; nextToken?: string; state?: WorksetState }) {
  const byState = options.state !== undefined;
  const partition = byState ? `${customerId}#${options.state}` : customerId;
  const keyAttributes = byState ? ['customer_id', 'workset_id', 'customer_state'] : ['customer_id', 'workset_id'];
  const page = await dynamo.send(
    new QueryCommand({
      TableName: WORKSETS(),
      ...(byState ? { IndexName: 'by-state' } : {}),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byState ? 'customer_state' : 'customer_id' },
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: decodePageToken(options.nextToken, keyAttributes, byState ? { customer_state: partition, customer_id: customerId } : { customer_id: customerId }),
    }),
  );
  const nextToken = encodePageToken(page.LastEvaluatedKey);
  return { items: (page.Items ?? []) as WorksetRecord[], ...(nextToken ? { nextToken } : {}) };
}

export interface TransitionRequest {
  readonly to: WorksetState;
  readonly by: string;
  readonly reason?: string;
  readonly now?: Date;
  /** When it happened, if earlier than now: the time the runner wrote the sentinel that reports it. */
  readonly occurredAt?: Date;
  /** Leaving `pending` for good: drop the sweep's index key. */
  readonly handedOver?: boolean;
  /** Taking a slot again (`retrying`): the concurrency limit, left out of the condition in `warn` mode. */
  readonly slotLimit?: { readonly limit: number; readonly enforce: boolean };
}

export type TransitionOutcome =
  | { readonly applied: true; readonly record: WorksetRecord }
  | { readonly applied: false; readonly reason: 'changed' | 'no-slot' };

/**
 * Moves a workset from the state it was read in to `to`, in one transaction
 * with its slot: leaving the slot-holding states releases the slot (REMOVE,
 * idempotent), entering them again takes one on the same condition as
 * admission. The move is conditional on the state read, so of two concurrent
 * moves (or a replayed event) only one applies, and a slot is released once.
 */
export async function transitionWorkset(current: WorksetRecord, request: TransitionRequest): Promise<TransitionOutcome> {
  const now = (request.now ?? new Date()).toISOString();
  const at = request.occurredAt && request.occurredAt.toISOString() < now ? request.occurredAt.toISOString() : now;
  const entry: HistoryEntry = { state: request.to, at, by: request.by, ...(request.reason ? { reason: request.reason } : {}) };
  const leavingPending = current.state === 'pending' && request.to !== 'pending';
  const retry = request.to === 'retrying';
  const set = ['#state = :to', 'customer_state = :cs', 'updated_at = :now', 'history = list_append(history, :entry)'];
  if (request.reason) set.push('state_reason = :reason');
  if (retry) set.push('attempt_started_at = :now');
  const remove = [...(leavingPending || request.handedOver ? ['pending'] : []), ...(request.reason ? [] : ['state_reason'])];
  const update = {
    Update: {
      TableName: WORKSETS(),
      Key: { customer_id: current.customer_id, workset_id: current.workset_id },
      UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':to': request.to,
        ':from': current.state,
        ':cs': `${current.customer_id}#${request.to}`,
        ':now': now,
        ':entry': [entry],
        ...(request.reason ? { ':reason': request.reason } : {}),
      },
    },
  };
  const slot = slotChange(current, request, now);
  // Compute time is counted by the same write that completes the workset, so once.
  const compute = request.to === 'complete' ? computeTimeItem(current.customer_id, new Date(at), computeSeconds(current, at)) : undefined;
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: [update, ...(slot ? [slot] : []), ...(compute ? [compute] : [])] }));
  } catch (error) {
    const failed = failedTransactionItems(error);
    if (failed?.includes(0)) return { applied: false, reason: 'changed' };
    if (failed?.includes(1)) return { applied: false, reason: 'no-slot' };
    throw error;
  }
  const record: WorksetRecord = {
    ...current,
    state: request.to,
    customer_state: `${current.customer_id}#${request.to}`,
    updated_at: now,
    history: [...current.history, entry],
    ...(retry ? { attempt_started_at: now } : {}),
  };
  if (request.reason) Object.assign(record, { state_reason: request.reason });
  else delete (record as { state_reason?: string }).state_reason;
  if (leavingPending || request.handedOver) delete (record as { pending?: string }).pending;
  return { applied: true, record };
}

/** How long the attempt that completes ran: from its last `in_progress` (else the attempt's start) to now. */
export function computeSeconds(current: WorksetRecord, completedAt: string): number {
  const attemptStart = current.attempt_started_at ?? current.submitted_at;
  const running = current.history.filter((entry) => entry.state === 'in_progress' && entry.at >= attemptStart).at(-1);
  return Math.max(0, (Date.parse(completedAt) - Date.parse(running?.at ?? attemptStart)) / 1000);
}

function slotChange(current: WorksetRecord, request: TransitionRequest, now: string): TransactWriteItem | undefined {
  const key = { TableName: tableName('usage'), Key: counterKey(current.customer_id) };
  if (holdsSlot(current.state) && !holdsSlot(request.to)) {
    return { Update: { ...key, UpdateExpression: 'REMOVE holders.#ws', ExpressionAttributeNames: { '#ws': current.workset_id } } };
  }
  if (!holdsSlot(current.state) && holdsSlot(request.to)) {
    const enforce = request.slotLimit?.enforce ?? true;
    return {
      Update: {
        ...key,
        UpdateExpression: 'SET holders.#ws = :now',
        ConditionExpression: enforce ? '#status = :active AND size(holders) < :max' : '#status = :active',
        ExpressionAttributeNames: { '#ws': current.workset_id, '#status': 'status' },
        ExpressionAttributeValues: { ':now': now, ':active': 'ACTIVE', ...(enforce ? { ':max': request.slotLimit?.limit ?? 0 } : {}) },
      },
    };
  }
  return undefined;
}
