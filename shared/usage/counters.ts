import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { classAttributes, PREFIX_CLASSES, type PrefixClass } from './prefix-class.ts';

/**
 * The customer's counter item, one small item per customer in the usage
 * table: what admission must check in one conditional write (DESIGN
 * decisions 4 and 5). It mirrors the customer's status (written in the same
 * transaction as every status change), counts stored and reserved bytes, holds
 * the worksets that hold a concurrency slot (a map workset id → admitted at,
 * so acquiring and releasing a slot are idempotent), and counts runs per
 * month (`runs#YYYY-MM`, so no reset job is needed). Kept under 1 KB for the
 * usual limits, so an admission costs one write capacity unit.
 */
export const COUNTER_RECORD = 'counters';

export const counterKey = (customerId: string) => ({ customer_id: customerId, record: COUNTER_RECORD });

export interface Counters {
  readonly status?: string;
  readonly storage_bytes: number;
  readonly object_count: number;
  readonly reserved_bytes: number;
  readonly committed_bytes: number;
  /** Workset id → when it took its slot. */
  readonly holders: Readonly<Record<string, string>>;
  readonly runs: (month: string) => number;
  /** Stored bytes and objects per prefix class. */
  readonly byClass: Readonly<Record<PrefixClass, { readonly bytes: number; readonly objects: number }>>;
  /** When the counts last moved. */
  readonly updated_at?: string;
  /** The last storage reconciliation against CloudWatch, if any. */
  readonly reconciled?: { readonly at: string; readonly day: string; readonly drift_bytes: number };
  /** Running sums of every correction the reconciliation made (each day sample records them, see storage-drift.ts). */
  readonly corrected: { readonly bytes: number; readonly objects: number };
}

/** `runs#2026-11`: the attribute counting a month's runs (UTC). */
export function runsAttribute(month: string): string {
  return `runs#${month}`;
}

export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function toCounters(item: Record<string, unknown> | undefined): Counters {
  return {
    ...(typeof item?.status === 'string' ? { status: item.status } : {}),
    storage_bytes: Number(item?.storage_bytes ?? 0),
    object_count: Number(item?.object_count ?? 0),
    reserved_bytes: Number(item?.reserved_bytes ?? 0),
    committed_bytes: Number(item?.committed_bytes ?? 0),
    holders: (item?.holders as Record<string, string> | undefined) ?? {},
    runs: (month) => Number(item?.[runsAttribute(month)] ?? 0),
    byClass: Object.fromEntries(
      PREFIX_CLASSES.map((prefixClass) => {
        const names = classAttributes(prefixClass);
        return [prefixClass, { bytes: Number(item?.[names.bytes] ?? 0), objects: Number(item?.[names.objects] ?? 0) }];
      }),
    ) as Counters['byClass'],
    ...(typeof item?.updated_at === 'string' ? { updated_at: item.updated_at } : {}),
    corrected: { bytes: Number(item?.corrected_bytes ?? 0), objects: Number(item?.corrected_objects ?? 0) },
    ...(typeof item?.reconciled_at === 'string'
      ? { reconciled: { at: item.reconciled_at, day: String(item.reconciled_day), drift_bytes: Number(item.reconciled_drift_bytes ?? 0) } }
      : {}),
  };
}

export async function readCounters(customerId: string, consistent = false): Promise<Counters> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: tableName('usage'), Key: counterKey(customerId), ConsistentRead: consistent }));
  return toCounters(Item);
}

/** The transaction item that mirrors a customer's new status onto its counter item (creating it if needed). */
export function mirrorStatusItem(customerId: string, status: string, now: string) {
  return {
    Update: {
      TableName: tableName('usage'),
      Key: counterKey(customerId),
      UpdateExpression: 'SET #status = :status, holders = if_not_exists(holders, :none), updated_at = :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':none': {}, ':now': now },
    },
  };
}
