import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { reconcileCustomer } from './reconcile.ts';
import type { Reconciliation } from './reconcile-rule.ts';
import type { CustomerStatus } from './status.ts';

/** A stack operation normally settles within a few minutes; a customer still waiting after this is looked at. */
export const DEFAULT_STALE_AFTER_SECONDS = 5 * 60;

/** Customers looked at per run; the rest wait for the next run (every few minutes). */
export const MAX_CUSTOMERS_PER_SWEEP = 50;

const SWEPT_STATUSES: readonly CustomerStatus[] = ['PROVISIONING', 'OFFBOARDING'];
const SYSTEM_ACTOR = 'system:reconcile';

export interface SweepOptions {
  readonly now: Date;
  readonly staleAfterSeconds: number;
  readonly limit?: number;
}

export interface SweepReport {
  readonly stale_before: string;
  readonly customers: readonly {
    readonly customer_id: string;
    readonly status: CustomerStatus;
    readonly reconciliation?: Reconciliation['kind'];
    readonly error?: string;
  }[];
}

/**
 * The scheduled sweep: customers PROVISIONING or OFFBOARDING whose record has
 * not changed for `staleAfterSeconds`, oldest first, each reconciled with its
 * real stack. A lost or failed status event therefore delays a customer by at
 * most one sweep; it never strands it. One customer's failure does not stop
 * the others.
 */
export async function sweepStaleCustomers(options: SweepOptions): Promise<SweepReport> {
  const staleBefore = new Date(options.now.getTime() - options.staleAfterSeconds * 1000).toISOString();
  const limit = options.limit ?? MAX_CUSTOMERS_PER_SWEEP;
  const customers: SweepReport['customers'][number][] = [];
  for (const status of SWEPT_STATUSES) {
    for (const customer of await staleCustomers(status, staleBefore, limit - customers.length)) {
      try {
        const { reconciliation } = await reconcileCustomer(customer, SYSTEM_ACTOR);
        customers.push({ customer_id: customer.customer_id, status, reconciliation: reconciliation.kind });
      } catch (error) {
        logger.error('customer could not be reconciled; the next sweep tries again', { customer_id: customer.customer_id, error: error as Error });
        customers.push({ customer_id: customer.customer_id, status, error: (error as Error).message });
      }
    }
  }
  return { stale_before: staleBefore, customers };
}

/** Through the `by-status` index, oldest first, at most `limit`. */
async function staleCustomers(status: CustomerStatus, staleBefore: string, limit: number): Promise<CustomerItem[]> {
  const found: CustomerItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  while (found.length < limit) {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName('customers'),
        IndexName: 'by-status',
        KeyConditionExpression: '#status = :status',
        FilterExpression: 'updated_at < :staleBefore',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':staleBefore': staleBefore },
        ExclusiveStartKey: startKey,
        Limit: limit,
      }),
    );
    found.push(...((page.Items ?? []) as CustomerItem[]));
    startKey = page.LastEvaluatedKey;
    if (!startKey) break;
  }
  return found.slice(0, limit);
}
