import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { customerPages } from '../customers/all-customers.ts';
import { monthKey, storageGbMonths, toMonthUsage, type MonthUsage } from '../usage/monthly.ts';
import { readCounterBatch, unprocessedKeysError } from '../usage/storage-samples.ts';
import type { PeriodUsage } from './export-rows.ts';

export interface CustomerPeriod {
  readonly customer: CustomerItem;
  readonly usage: PeriodUsage;
}

/** Pages of customers with their usage in a period; callable more than once (each call reads afresh). */
export type CustomerPeriodPages = () => AsyncIterable<readonly CustomerPeriod[]>;

/** Whether a customer is billed for a month: active before the month ended, not offboarded before it began. */
export function billedIn(customer: CustomerItem, period: string): boolean {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1, 1)).toISOString();
  const end = new Date(Date.UTC(year, month, 1)).toISOString();
  if (!customer.activated_at || customer.activated_at >= end) return false;
  return !(customer.offboarded_at && customer.offboarded_at < start);
}

async function readMonthBatch(customerIds: readonly string[], period: string): Promise<Map<string, MonthUsage>> {
  const months = new Map<string, MonthUsage>();
  let keys: Record<string, unknown>[] = customerIds.map((id) => monthKey(id, period));
  for (let attempt = 0; keys.length > 0; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    if (attempt > 9) throw unprocessedKeysError(keys.length, attempt);
    const answer = await dynamo.send(new BatchGetCommand({ RequestItems: { [tableName('usage')]: { Keys: keys } } }));
    for (const item of answer.Responses?.[tableName('usage')] ?? []) months.set(String(item.customer_id), toMonthUsage(period, item));
    keys = (answer.UnprocessedKeys?.[tableName('usage')]?.Keys ?? []) as Record<string, unknown>[];
  }
  return months;
}

/** Every customer billed in the period with its usage, a page (two batch reads) at a time. */
export function periodPages(period: string): CustomerPeriodPages {
  return async function* pages() {
    for await (const page of customerPages()) {
      const billed = page.filter((customer) => billedIn(customer, period));
      if (billed.length === 0) continue;
      const ids = billed.map((customer) => customer.customer_id);
      const [counters, months] = await Promise.all([readCounterBatch(ids), readMonthBatch(ids, period)]);
      yield billed.map((customer) => {
        const month = months.get(customer.customer_id) ?? toMonthUsage(period, undefined);
        return {
          customer,
          usage: {
            storage_gb_month: storageGbMonths(month),
            runs: counters.get(customer.customer_id)?.runs(period) ?? 0,
            compute_hours: month.compute_seconds / 3600,
            api_requests: month.api_requests,
          },
        };
      });
    }
  };
}
