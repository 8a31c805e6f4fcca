import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { decodePageToken, encodePageToken } from '../http/pagination.ts';

const TABLE = (): string => tableName('audit');

export interface AuditEvent {
  readonly event_id: string;
  readonly action: string;
  readonly actor: string;
  readonly actor_email?: string;
  readonly target: string;
  readonly request_id?: string;
  readonly details?: Record<string, unknown>;
  readonly at: string;
}

/** A customer's audit trail, newest first. Reading only: nothing updates or deletes entries. */
export async function readAuditTrail(customerId: string, options: { limit: number; nextToken?: string }) {
  const page = await dynamo.send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'customer_id = :c',
      ExpressionAttributeValues: { ':c': customerId },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: decodePageToken(options.nextToken, ['customer_id', 'event_key'], { customer_id: customerId }),
    }),
  );
  const events: AuditEvent[] = (page.Items ?? []).map((item) => ({
    event_id: item.event_id,
    action: item.action,
    actor: item.actor,
    ...(item.actor_email ? { actor_email: item.actor_email } : {}),
    target: item.target,
    ...(item.request_id ? { request_id: item.request_id } : {}),
    ...(item.details ? { details: item.details } : {}),
    at: item.at,
  }));
  const nextToken = encodePageToken(page.LastEvaluatedKey);
  return { events, ...(nextToken ? { nextToken } : {}) };
}
