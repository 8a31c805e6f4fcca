import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { setDefaultCustomerAttribute } from '../identity/user-directory.ts';
import { logger } from '../observability/logger.ts';
import type { Membership } from './membership.ts';
import { listUserMemberships } from './repository.ts';
import { getUserState, moveDefault } from './user-state.ts';

const CLOSED = new Set(['OFFBOARDING', 'OFFBOARDED']);

/**
 * Moves every member whose default customer is `customerId` (being
 * offboarded) to their oldest membership in a customer still open, or clears
 * the default when none is left. Each move is conditional on the default
 * still being this customer, so running it again (a retried DELETE) changes
 * nothing twice.
 */
export async function moveDefaultsOff(customerId: string): Promise<number> {
  let moved = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: tableName('memberships'),
        IndexName: 'by-customer',
        KeyConditionExpression: 'customer_id = :c',
        ExpressionAttributeValues: { ':c': customerId },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const member of (page.Items ?? []) as Membership[]) {
      if ((await getUserState(member.user_id))?.default_customer_id !== customerId) continue;
      const next = await oldestOpenMembership(member.user_id, customerId);
      if (await moveDefault(member.user_id, customerId, next ?? null)) {
        await setDefaultCustomerAttribute(member.user_id, next ?? null);
        moved += 1;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  if (moved > 0) logger.info('default customer moved off an offboarded customer', { users: moved });
  return moved;
}

async function oldestOpenMembership(userId: string, leaving: string): Promise<string | undefined> {
  const others = (await listUserMemberships(userId)).filter((m) => m.customer_id !== leaving);
  if (others.length === 0) return undefined;
  const customers = tableName('customers');
  const statuses = new Map<string, string>();
  for (let i = 0; i < others.length; i += 100) {
    type Request = Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }>;
    let request: Request | undefined = {
      [customers]: {
        Keys: others.slice(i, i + 100).map((m) => ({ customer_id: m.customer_id })),
        ProjectionExpression: 'customer_id, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[customers] ?? []) statuses.set(item.customer_id as string, item.status as string);
      request = result.UnprocessedKeys as Request | undefined;
    }
  }
  return others
    .filter((m) => statuses.has(m.customer_id) && !CLOSED.has(statuses.get(m.customer_id) as string))
    .sort((a, b) => a.added_at.localeCompare(b.added_at))[0]?.customer_id;
}
