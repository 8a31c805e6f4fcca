import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv, tableName } from '../config/runtime.ts';
import { cacheScope } from '../runtime/invocation.ts';
import type { Membership } from './membership.ts';

const TABLE = (): string => tableName('memberships');

/**
 * How long a warm container may reuse a membership it found. This is the
 * longest time a removed membership can still pass the guard. Only found
 * memberships are cached, so a newly added user is let in at once.
 */
export const MEMBERSHIP_CACHE_SECONDS = Math.min(intEnv(ENV.membershipCacheSeconds, 30), 60);

const cache = new Map<string, { membership: Membership; expiresAt: number }>();

export async function findMembership(userId: string, customerId: string, now = Date.now()): Promise<Membership | undefined> {
  const key = `${cacheScope()}#${userId}#${customerId}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.membership;
  cache.delete(key);
  const { Item } = await dynamo.send(new GetCommand({ TableName: TABLE(), Key: { user_id: userId, customer_id: customerId } }));
  const found = Item as Membership | undefined;
  // A membership being removed grants nothing already.
  const membership = found?.removing ? undefined : found;
  if (membership) cache.set(key, { membership, expiresAt: now + MEMBERSHIP_CACHE_SECONDS * 1000 });
  return membership;
}

/** Drops this container's cached entry, after a change made by this container. */
export function forgetMembership(userId: string, customerId: string): void {
  cache.delete(`${cacheScope()}#${userId}#${customerId}`);
}
