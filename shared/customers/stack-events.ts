import { appendAudit } from '../audit/audit-log.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { StaleStackEventError, transitionCustomer } from './repository.ts';
import type { CustomerAction } from './status.ts';
import { CUSTOMER_STACK_PREFIX } from './template-contract.ts';

/** The EventBridge event CloudFormation sends when a stack changes status. */
export interface StackStatusEvent {
  readonly 'detail-type': 'CloudFormation Stack Status Change';
  readonly source: 'aws.cloudformation';
  readonly time?: string;
  readonly resources?: readonly string[];
  readonly detail: {
    readonly 'stack-id': string;
    readonly 'status-details': { readonly status: string; readonly 'status-reason'?: string };
    readonly 'client-request-token'?: string;
  };
}

const SYSTEM_ACTOR = 'system:stack-events';
/** Any of these during a create means it failed; the first one carries the reason. */
const FAILED_CREATE = new Set([
  'CREATE_FAILED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
]);

/** `arn:aws:cloudformation:r:a:stack/portico-customer-<id>/<guid>` → `<id>`. */
export function customerIdFromStackId(stackId: string): string | undefined {
  const name = /:stack\/([^/]+)\//.exec(stackId)?.[1];
  return name?.startsWith(CUSTOMER_STACK_PREFIX) ? name.slice(CUSTOMER_STACK_PREFIX.length) : undefined;
}

interface Outcome {
  readonly action: CustomerAction;
  readonly changes: Record<string, unknown>;
}

/** What a status means for the operation the token names; undefined = nothing to do. */
export function outcomeOf(status: string, reason: string, token: string): Outcome | undefined {
  const now = new Date().toISOString();
  if (token.startsWith('create-')) {
    if (status === 'CREATE_COMPLETE') {
      return { action: 'provisioned', changes: { activated_at: now, status_reason: null, stack_operation_token: null } };
    }
    if (FAILED_CREATE.has(status)) {
      return { action: 'provisionFailed', changes: { status_reason: `Stack ${status}: ${reason || 'no reason given'}` } };
    }
  }
  if (token.startsWith('delete-')) {
    if (status === 'DELETE_COMPLETE') {
      return { action: 'offboarded', changes: { offboarded_at: now, status_reason: null, stack_operation_token: null } };
    }
    if (status === 'DELETE_FAILED') {
      return {
        action: 'offboardFailed',
        changes: { status_reason: `Stack DELETE_FAILED: ${reason || 'no reason given'}. Send DELETE again to retry.` },
      };
    }
  }
  return undefined;
}

/**
 * Applies one stack status event to its customer. Events are delivered at
 * least once and possibly out of order: an event is applied only if its token
 * is the customer's current stack operation and the state machine allows it;
 * anything else is logged and dropped.
 */
export async function applyStackStatusEvent(event: StackStatusEvent): Promise<'applied' | 'ignored'> {
  const customerId = customerIdFromStackId(event.detail['stack-id']);
  const status = event.detail['status-details'].status;
  const token = event.detail['client-request-token'] ?? '';
  logger.appendKeys({ ...(customerId ? { customer_id: customerId } : {}), stack_status: status });
  const outcome = customerId ? outcomeOf(status, event.detail['status-details']['status-reason'] ?? '', token) : undefined;
  if (!customerId || !outcome) {
    logger.info('stack event ignored', { token });
    return 'ignored';
  }
  try {
    const customer = await transitionCustomer(customerId, outcome.action, {
      actor: SYSTEM_ACTOR,
      expectedToken: token,
      changes: outcome.changes,
    });
    logger.info('stack event applied', { action: outcome.action, status: customer.status });
    const auditAction = outcome.action === 'provisioned' ? 'customer.provisioned' : outcome.action === 'offboarded' ? 'customer.offboarded' : 'customer.provision_failed';
    if (outcome.action !== 'offboardFailed') {
      await appendAudit({ customerId, action: auditAction, actor: SYSTEM_ACTOR, target: customerId, details: { stack_status: status } });
    }
    return 'applied';
  } catch (error) {
    if (error instanceof ConflictError || error instanceof StaleStackEventError || error instanceof NotFoundError) {
      logger.info('stack event not applicable', { reason: (error as Error).message });
      return 'ignored';
    }
    throw error;
  }
}
