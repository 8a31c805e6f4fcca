import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { logger } from '../observability/logger.ts';

const TABLE = (): string => tableName('audit');

export type AuditAction =
  | 'customer.created'
  | 'customer.updated'
  | 'customer.quota_changed'
  | 'customer.provisioning_retried'
  | 'customer.provisioning_reconciled'
  | 'customer.activated'
  | 'customer.deactivated'
  | 'customer.offboarding_started'
  | 'customer.provisioned'
  | 'customer.provision_failed'
  | 'customer.offboarded'
  | 'membership.added'
  | 'membership.removed'
  | 'membership.role_changed'
  | 'membership.default_changed'
  | 'upload.created'
  | 'rollout.started'
  | 'tenant_access_denied';

export interface AuditEntry {
  readonly customerId: string;
  readonly action: AuditAction;
  /** User id of who acted, or `system:<component>`. */
  readonly actor: string;
  readonly actorEmail?: string;
  /** What was acted on: a customer id, `user:<id>`, a route. */
  readonly target: string;
  readonly requestId?: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends one entry. The condition makes every write an insert: nothing in
 * Portico updates or deletes an audit record. A failed append is logged with
 * the whole entry (so the log keeps it) and does not undo the action.
 */
/**
 * The audit item as a transaction's Put, for a change whose record must not
 * be lost: written with the change or not at all (a retried event that finds
 * the change made has nothing left to audit).
 */
export function auditPut(entry: AuditEntry, now = new Date()) {
  return { Put: { TableName: TABLE(), Item: auditItem(entry, now), ConditionExpression: 'attribute_not_exists(event_key)' } };
}

function auditItem(entry: AuditEntry, now: Date) {
  return {
    customer_id: entry.customerId,
    event_key: `${now.toISOString()}#${randomUUID()}`,
    event_id: randomUUID(),
    action: entry.action,
    actor: entry.actor,
    actor_email: entry.actorEmail,
    target: entry.target,
    request_id: entry.requestId,
    details: entry.details,
    at: now.toISOString(),
  };
}

export async function appendAudit(entry: AuditEntry, now = new Date()): Promise<void> {
  const item = auditItem(entry, now);
  try {
    await dynamo.send(
      new PutCommand({ TableName: TABLE(), Item: item, ConditionExpression: 'attribute_not_exists(event_key)' }),
    );
  } catch (error) {
    logger.error('audit append failed', { audit: item, error: error as Error });
  }
}
