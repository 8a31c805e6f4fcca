import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { listUserMemberships } from '../memberships/repository.ts';
import { getUserState } from '../memberships/user-state.ts';
import type { Caller } from './caller.ts';
import { isPlatformGroup, PLATFORM_ADMIN_GROUP } from './groups.ts';
import { confirmedPlatformGroups } from './platform-roles.ts';

const CUSTOMERS = (): string => tableName('customers');

export interface CustomerMembershipView {
  readonly customer_id: string;
  readonly customer_name: string | null;
  readonly display_name: string | null;
  readonly status: string | null;
  readonly role: string;
  readonly is_default: boolean;
}

/** A user's memberships with the name and status of each customer. */
export async function customersOfUser(userId: string): Promise<CustomerMembershipView[]> {
  const [memberships, state] = await Promise.all([listUserMemberships(userId), getUserState(userId)]);
  const customers = new Map<string, CustomerItem>();
  for (let i = 0; i < memberships.length; i += 100) {
    const keys = memberships.slice(i, i + 100).map((m) => ({ customer_id: m.customer_id }));
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }> | undefined = {
      [CUSTOMERS()]: {
        Keys: keys,
        ProjectionExpression: 'customer_id, customer_name, display_name, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[CUSTOMERS()] ?? []) customers.set(item.customer_id as string, item as CustomerItem);
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return memberships.map((m) => {
    const customer = customers.get(m.customer_id);
    return {
      customer_id: m.customer_id,
      customer_name: customer?.customer_name ?? null,
      display_name: customer?.display_name ?? null,
      status: customer?.status ?? null,
      role: m.role,
      is_default: m.customer_id === state?.default_customer_id,
    };
  });
}

/** The signed-in user; platform groups are shown only when the directory confirms them. */
export async function profileOf(caller: Caller) {
  const [customers, platformGroups] = await Promise.all([
    customersOfUser(caller.userId),
    confirmedPlatformGroups(caller.userId, caller.claimedGroups),
  ]);
  return {
    user_id: caller.userId,
    email: caller.email,
    groups: [...caller.claimedGroups.filter((g) => !isPlatformGroup(g)), ...platformGroups],
    is_platform_admin: platformGroups.includes(PLATFORM_ADMIN_GROUP),
    default_customer_id: customers.find((c) => c.is_default)?.customer_id ?? null,
    memberships: customers,
  };
}
