import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { failedTransactionItems, isConditionFailure } from '../dynamo/errors.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { decodePageToken, encodePageToken } from '../http/pagination.ts';
import type { Membership, MembershipRole } from './membership.ts';
import { claimDefaultIfNone, setDefaultItem } from './user-state.ts';

const MEMBERSHIPS = (): string => tableName('memberships');
const CUSTOMERS = (): string => tableName('customers');

/**
 * Every customer keeps at least one admin once it has had one: demoting or
 * removing an admin decrements `admin_count` on the customer item in the same
 * transaction, on condition that another admin remains.
 */
const LAST_ADMIN = new ConflictError('A customer must keep at least one admin; make another member admin first.');

export async function getMembership(userId: string, customerId: string): Promise<Membership | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: MEMBERSHIPS(), Key: { user_id: userId, customer_id: customerId }, ConsistentRead: true }),
  );
  return Item as Membership | undefined;
}

/** The membership, read consistently; one being removed counts only when `includeRemoving` (to finish its removal). */
export async function requireMembership(userId: string, customerId: string, options: { includeRemoving?: boolean } = {}): Promise<Membership> {
  const membership = await getMembership(userId, customerId);
  if (!membership || (membership.removing && !options.includeRemoving)) throw new NotFoundError(`User ${userId} is not a member of customer ${customerId}.`);
  return membership;
}

/** All of a user's memberships but those being removed (a user belongs to few customers). */
export async function listUserMemberships(userId: string): Promise<Membership[]> {
  const items: Membership[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: MEMBERSHIPS(),
        KeyConditionExpression: 'user_id = :u',
        ExpressionAttributeValues: { ':u': userId },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as Membership[]).filter((m) => !m.removing));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export async function listCustomerMembers(
  customerId: string,
  options: { limit: number; nextToken?: string },
): Promise<{ items: Membership[]; nextToken?: string }> {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: MEMBERSHIPS(),
      IndexName: 'by-customer',
      KeyConditionExpression: 'customer_id = :c',
      FilterExpression: 'attribute_not_exists(removing)',
      ExpressionAttributeValues: { ':c': customerId },
      Limit: options.limit,
      ExclusiveStartKey: decodePageToken(options.nextToken, ['customer_id', 'user_id'], { customer_id: customerId }),
    }),
  );
  const nextToken = encodePageToken(page.LastEvaluatedKey);
  return { items: (page.Items ?? []) as Membership[], ...(nextToken ? { nextToken } : {}) };
}

const adminCountChange = (customerId: string, delta: 1 | -1) => ({
  Update: {
    TableName: CUSTOMERS(),
    Key: { customer_id: customerId },
    UpdateExpression: 'SET admin_count = if_not_exists(admin_count, :zero) + :delta',
    ConditionExpression: delta < 0 ? 'admin_count > :one' : 'attribute_exists(customer_id)',
    ExpressionAttributeValues: { ':zero': 0, ':delta': delta, ...(delta < 0 ? { ':one': 1 } : {}) },
  },
});

/**
 * Adds a membership, and in the same transaction makes it the user's default
 * if the user has none (so two customers adding the same user at once cannot
 * both become the default) and counts a new admin. 409 if the user already
 * belongs to the customer.
 */
/**
 * Writes a new membership (and the default claim, and the admin count) in one
 * transaction. The same membership already there, same role and not being
 * removed, is the add retried after its answer was lost: it answers the
 * membership that exists, so the retry succeeds as the first attempt did.
 */
export async function insertMembership(membership: Membership, options: { clearDisabled: boolean }): Promise<{ membership: Membership; inserted: boolean }> {
  const put = {
    Put: { TableName: MEMBERSHIPS(), Item: membership, ConditionExpression: 'attribute_not_exists(user_id)' },
  };
  const claim = claimDefaultIfNone(membership.user_id, membership.customer_id, membership.added_at, options);
  const items = membership.role === 'admin' ? [put, claim, adminCountChange(membership.customer_id, 1)] : [put, claim];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    return { membership, inserted: true };
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) {
      const existing = await getMembership(membership.user_id, membership.customer_id);
      if (existing && !existing.removing && existing.role === membership.role) return { membership: existing, inserted: false };
      throw new ConflictError(`This user is already a member of customer ${membership.customer_id}.`);
    }
    throw error;
  }
}

/** Changes a role, guarded on the role read before, so concurrent changes cannot both apply. */
export async function updateRole(current: Membership, role: MembershipRole, now: Date): Promise<Membership> {
  const updated: Membership = { ...current, role, updated_at: now.toISOString() };
  const update = {
    Update: {
      TableName: MEMBERSHIPS(),
      Key: { user_id: current.user_id, customer_id: current.customer_id },
      UpdateExpression: 'SET #role = :role, updated_at = :now',
      ConditionExpression: '#role = :previous',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':role': role, ':previous': current.role, ':now': updated.updated_at },
    },
  };
  const delta = role === 'admin' ? 1 : -1;
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: [update, adminCountChange(current.customer_id, delta)] }));
  } catch (error) {
    const failed = failedTransactionItems(error);
    if (failed?.includes(1) && delta < 0) throw LAST_ADMIN;
    if (failed?.includes(0)) throw new ConflictError('The membership changed meanwhile; read it again and retry.');
    throw error;
  }
  return updated;
}

/**
 * The first step of a removal, before anything else changes: marks the
 * membership as being removed (it grants nothing from now on) and, for an
 * admin, takes it off `admin_count` on condition that another admin remains,
 * in one transaction. Of two admins removing each other at once, one gets 409
 * here, with nothing changed.
 */
export async function markRemoving(current: Membership, now: Date): Promise<void> {
  const mark = {
    Update: {
      TableName: MEMBERSHIPS(),
      Key: { user_id: current.user_id, customer_id: current.customer_id },
      UpdateExpression: 'SET removing = :now',
      ConditionExpression: '#role = :role AND attribute_not_exists(removing)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':role': current.role, ':now': now.toISOString() },
    },
  };
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: current.role === 'admin' ? [mark, adminCountChange(current.customer_id, -1)] : [mark] }));
  } catch (error) {
    const failed = failedTransactionItems(error);
    if (failed?.includes(1)) throw LAST_ADMIN;
    if (failed?.includes(0)) throw new ConflictError('The membership changed meanwhile; read it again and retry.');
    throw error;
  }
}

/** The last step of a removal: the membership marked as being removed goes. */
export async function deleteMembership(current: Membership): Promise<void> {
  try {
    await dynamo.send(
      new DeleteCommand({
        TableName: MEMBERSHIPS(),
        Key: { user_id: current.user_id, customer_id: current.customer_id },
        ConditionExpression: 'attribute_exists(removing)',
      }),
    );
  } catch (error) {
    // Already gone: a concurrent DELETE finished it.
    if (!isConditionFailure(error)) throw error;
  }
}

/** Makes `customerId` the user's default, on condition that the user is still a member of it. */
export async function makeDefault(userId: string, customerId: string, now = new Date()): Promise<void> {
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: MEMBERSHIPS(),
              Key: { user_id: userId, customer_id: customerId },
              ConditionExpression: 'attribute_exists(user_id) AND attribute_not_exists(removing)',
            },
          },
          setDefaultItem(userId, customerId, now.toISOString()),
        ],
      }),
    );
  } catch (error) {
    if (failedTransactionItems(error)?.includes(0)) throw new NotFoundError(`User ${userId} is not a member of customer ${customerId}.`);
    throw error;
  }
}
