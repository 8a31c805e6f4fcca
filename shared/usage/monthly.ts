import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import type { DaySample } from './storage-drift.ts';
import { GIB } from './units.ts';

/**
 * One usage item per customer and month (`month#2026-11`) in the usage
 * table: what billing needs that the counter item does not keep.
 * - `storage_byte_days`: the sum of one storage sample per day (`sampled_days`
 *   says which days, so a repeated sample adds nothing; `sample#DD` keeps each
 *   day's figure for the storage reconciliation, and `corrected#DD` the
 *   corrections it had made by then);
 * - `compute_seconds` and `completed_worksets`: added in the same transaction
 *   that moves a workset to `complete`, so each is counted once;
 * - `api_requests`: the customer's requests that reached a handler.
 * Runs per month stay on the counter item (`runs#YYYY-MM`), where admission
 * counts them.
 */
export const monthRecord = (month: string) => `month#${month}`;
export const monthKey = (customerId: string, month: string) => ({ customer_id: customerId, record: monthRecord(month) });

const TABLE = (): string => tableName('usage');

export interface MonthUsage {
  readonly month: string;
  readonly storage_byte_days: number;
  readonly sampled_days: number;
  readonly compute_seconds: number;
  readonly completed_worksets: number;
  readonly api_requests: number;
  /** The storage sample of a day of the month (`01`…`31`), if taken. */
  readonly sample: (day: string) => DaySample | undefined;
}

export function toMonthUsage(month: string, item: Record<string, unknown> | undefined): MonthUsage {
  const days = item?.sampled_days;
  return {
    month,
    storage_byte_days: Number(item?.storage_byte_days ?? 0),
    sampled_days: days instanceof Set ? days.size : 0,
    compute_seconds: Number(item?.compute_seconds ?? 0),
    completed_worksets: Number(item?.completed_worksets ?? 0),
    api_requests: Number(item?.api_requests ?? 0),
    sample: (day) =>
      item?.[`sample#${day}`] === undefined
        ? undefined
        : {
            bytes: Number(item[`sample#${day}`]),
            objects: Number(item[`objects#${day}`] ?? 0),
            ...(item[`corrected#${day}`] === undefined
              ? {}
              : { corrected_bytes: Number(item[`corrected#${day}`]), corrected_objects: Number(item[`corrected_objects#${day}`] ?? 0) }),
          },
  };
}

export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** GB-months (GiB, as S3 bills) from the daily samples: each sampled day stands for 1/days-in-month of a month. */
export function storageGbMonths(usage: MonthUsage): number {
  return usage.storage_byte_days / GIB / daysInMonth(usage.month);
}

/**
 * Adds one day's storage sample (`day` is `YYYY-MM-DD`, UTC). A second sample
 * of the same day changes nothing: the condition and the additions are one write.
 */
export async function recordStorageSample(
  customerId: string,
  day: string,
  sample: Required<DaySample>,
  now = new Date(),
): Promise<'applied' | 'duplicate'> {
  const month = day.slice(0, 7);
  const dayOfMonth = day.slice(8, 10);
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: monthKey(customerId, month),
        UpdateExpression:
          'ADD storage_byte_days :bytes, sampled_days :days SET #sample = :bytes, #objects = :objects, #corrected = :corrected, #correctedObjects = :correctedObjects, updated_at = :now',
        ConditionExpression: 'NOT contains(sampled_days, :day)',
        ExpressionAttributeNames: {
          '#sample': `sample#${dayOfMonth}`,
          '#objects': `objects#${dayOfMonth}`,
          '#corrected': `corrected#${dayOfMonth}`,
          '#correctedObjects': `corrected_objects#${dayOfMonth}`,
        },
        ExpressionAttributeValues: {
          ':bytes': sample.bytes,
          ':objects': sample.objects,
          ':corrected': sample.corrected_bytes,
          ':correctedObjects': sample.corrected_objects,
          ':days': new Set([dayOfMonth]),
          ':day': dayOfMonth,
          ':now': now.toISOString(),
        },
      }),
    );
    return 'applied';
  } catch (error) {
    if (isConditionFailure(error)) return 'duplicate';
    throw error;
  }
}

/** The transaction item that counts a completed workset's compute time in its month. */
export function computeTimeItem(customerId: string, completedAt: Date, seconds: number) {
  return {
    Update: {
      TableName: TABLE(),
      Key: monthKey(customerId, completedAt.toISOString().slice(0, 7)),
      UpdateExpression: 'ADD compute_seconds :s, completed_worksets :one SET updated_at = :now',
      ExpressionAttributeValues: { ':s': Math.max(0, Math.round(seconds)), ':one': 1, ':now': completedAt.toISOString() },
    },
  };
}

/** Counts one API request of a customer in the month it arrived. */
export async function countApiRequest(customerId: string, at = new Date()): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: monthKey(customerId, at.toISOString().slice(0, 7)),
      UpdateExpression: 'ADD api_requests :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

/** The customer's month items from `from` to `to` (`YYYY-MM`, inclusive): one Query, at most a few dozen small items. */
export async function readMonths(customerId: string, from: string, to: string): Promise<Map<string, MonthUsage>> {
  const months = new Map<string, MonthUsage>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'customer_id = :c AND #record BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#record': 'record' },
        ExpressionAttributeValues: { ':c': customerId, ':from': monthRecord(from), ':to': monthRecord(to) },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const month = String(item.record).slice('month#'.length);
      months.set(month, toMonthUsage(month, item));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return months;
}

/** `YYYY-MM` months from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > to) return months;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
