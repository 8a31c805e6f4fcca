import { UpdateItemCommand, type UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import type { QuotaMode } from '../quotas/declarations.ts';
import { counterKey, monthOf, runsAttribute, toCounters, type Counters } from '../usage/counters.ts';

import { GIB } from '../usage/units.ts';

/** The limits admission checks, and whether each is enforced or only warned about. */
export interface AdmissionLimits {
  readonly maxConcurrentWorksets: { readonly limit: number; readonly mode: QuotaMode };
  readonly maxRunsPerMonth: { readonly limit: number; readonly mode: QuotaMode };
  readonly maxStorageGb: { readonly limit: number; readonly mode: QuotaMode };
}

export type AdmissionRefusal =
  | { readonly reason: 'inactive'; readonly status: string }
  | { readonly reason: 'concurrency'; readonly limit: number; readonly used: number }
  | { readonly reason: 'monthly-runs'; readonly limit: number; readonly used: number; readonly month: string }
  | { readonly reason: 'storage'; readonly limitGb: number; readonly usedGb: number };

export type QuotaWarning = Exclude<AdmissionRefusal, { reason: 'inactive' }>;

export type AdmissionResult =
  | { readonly admitted: true; readonly alreadyAdmitted: boolean; readonly warnings: readonly QuotaWarning[]; readonly consumedWcu?: number }
  | { readonly admitted: false; readonly refusal: AdmissionRefusal; readonly consumedWcu?: number };

/**
 * Admits a workset in ONE conditional UpdateItem on the customer's counter
 * item (DESIGN decision 4): the customer is ACTIVE, fewer worksets hold a slot
 * than the concurrency limit, this month's runs are below theirs, and stored
 * bytes are below the storage limit; it takes the slot (holders.<id>) and
 * counts the run. No read decides it, so no number of concurrent submissions
 * can overshoot a limit. The same workset admitted again (a retry) changes
 * nothing and is reported as already admitted. A quota in `warn` mode is left
 * out of the condition and reported instead.
 */
export async function admitWorkset(customerId: string, worksetId: string, limits: AdmissionLimits, now = new Date()): Promise<AdmissionResult> {
  const month = monthOf(now);
  const clauses = ['#status = :active', 'attribute_not_exists(holders.#ws)'];
  const values: Record<string, unknown> = { ':active': 'ACTIVE', ':now': now.toISOString(), ':zero': 0, ':one': 1 };
  if (limits.maxConcurrentWorksets.mode === 'enforce') {
    clauses.push('size(holders) < :maxConcurrent');
    values[':maxConcurrent'] = limits.maxConcurrentWorksets.limit;
  }
  if (limits.maxRunsPerMonth.mode === 'enforce') {
    clauses.push('(attribute_not_exists(#runs) OR #runs < :maxRuns)');
    values[':maxRuns'] = limits.maxRunsPerMonth.limit;
  }
  if (limits.maxStorageGb.mode === 'enforce') {
    clauses.push('(attribute_not_exists(storage_bytes) OR storage_bytes < :maxStorage)');
    values[':maxStorage'] = limits.maxStorageGb.limit * GIB;
  }
  const command = new UpdateItemCommand({
    TableName: tableName('usage'),
    Key: marshall(counterKey(customerId)),
    UpdateExpression: 'SET holders.#ws = :now, #runs = if_not_exists(#runs, :zero) + :one',
    ConditionExpression: clauses.join(' AND '),
    ExpressionAttributeNames: { '#status': 'status', '#ws': worksetId, '#runs': runsAttribute(month) },
    ExpressionAttributeValues: marshall(values),
    // The item before is needed only to word warn-mode warnings; otherwise the answer stays small.
    ReturnValues: warns(limits) ? 'ALL_OLD' : 'NONE',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    ReturnConsumedCapacity: 'TOTAL',
  });
  let output: UpdateItemCommandOutput;
  try {
    output = await dynamo.send(command);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const consumed = (error as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits;
    const before = toCounters(error.Item ? unmarshall(error.Item) : undefined);
    if (before.holders[worksetId]) return { admitted: true, alreadyAdmitted: true, warnings: [], ...(consumed === undefined ? {} : { consumedWcu: consumed }) };
    return { admitted: false, refusal: whyRefused(before, limits, month), ...(consumed === undefined ? {} : { consumedWcu: consumed }) };
  }
  const before = toCounters(output.Attributes ? unmarshall(output.Attributes) : undefined);
  const consumed = output.ConsumedCapacity?.CapacityUnits;
  return { admitted: true, alreadyAdmitted: false, warnings: warningsFor(before, limits, month), ...(consumed === undefined ? {} : { consumedWcu: consumed }) };
}

function warns(limits: AdmissionLimits): boolean {
  return [limits.maxConcurrentWorksets, limits.maxRunsPerMonth, limits.maxStorageGb].some((quota) => quota.mode === 'warn');
}

/** Which clause refused, read from the item as it was when the condition failed. */
export function whyRefused(before: Counters, limits: AdmissionLimits, month: string): AdmissionRefusal {
  if (before.status !== 'ACTIVE') return { reason: 'inactive', status: before.status ?? 'UNKNOWN' };
  const exceeded = exceededQuotas(before, limits, month);
  return exceeded[0] ?? { reason: 'inactive', status: before.status };
}

/** The warn-mode quotas this admission went past. */
function warningsFor(before: Counters, limits: AdmissionLimits, month: string): QuotaWarning[] {
  const warned = (reason: QuotaWarning['reason']) =>
    (reason === 'concurrency' && limits.maxConcurrentWorksets.mode === 'warn') ||
    (reason === 'monthly-runs' && limits.maxRunsPerMonth.mode === 'warn') ||
    (reason === 'storage' && limits.maxStorageGb.mode === 'warn');
  return exceededQuotas(before, limits, month).filter((warning) => warned(warning.reason));
}

/** Every limit the counters (before this admission) leave no room in, most specific first. */
function exceededQuotas(before: Counters, limits: AdmissionLimits, month: string): QuotaWarning[] {
  const found: QuotaWarning[] = [];
  const active = Object.keys(before.holders).length;
  if (active >= limits.maxConcurrentWorksets.limit) found.push({ reason: 'concurrency', limit: limits.maxConcurrentWorksets.limit, used: active });
  const runs = before.runs(month);
  if (runs >= limits.maxRunsPerMonth.limit) found.push({ reason: 'monthly-runs', limit: limits.maxRunsPerMonth.limit, used: runs, month });
  if (before.storage_bytes >= limits.maxStorageGb.limit * GIB) {
    found.push({ reason: 'storage', limitGb: limits.maxStorageGb.limit, usedGb: Math.round((before.storage_bytes / GIB) * 100) / 100 });
  }
  return found;
}
