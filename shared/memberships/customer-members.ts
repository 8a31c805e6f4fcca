import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import type { MembershipRole } from './membership.ts';

const TABLE = (): string => tableName('memberships');

/** Number of members of a customer by role, read from the `by-customer` index. */
export async function countMembersByRole(customerId: string): Promise<Record<MembershipRole, number>> {
  const counts: Record<MembershipRole, number> = { admin: 0, member: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: TABLE(),
        IndexName: 'by-customer',
        KeyConditionExpression: 'customer_id = :c',
        ExpressionAttributeValues: { ':c': customerId },
        ProjectionExpression: '#role, removing',
        ExpressionAttributeNames: { '#role': 'role' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) if (!item.removing) counts[item.role as MembershipRole] += 1;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return counts;
}
