import type { AuditAction } from '../audit/audit-log.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { startProvisioning } from './provisioning.ts';
import { StaleStackEventError, transitionCustomer } from './repository.ts';
import { applyStackUpdateStatus, confirmCreatedVersion, isStackUpdateToken } from './rollout-events.ts';
import type { CustomerAction } from './status.ts';
import { customerIdFromStackId, outcomeOf } from './stack-outcome.ts';

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

/** One stack status, for the operation its token names: from an event, or read by DescribeStacks. */
export interface StackStatusChange {
  readonly customerId: string;
  readonly token: string;
  readonly status: string;
  readonly reason: string;
}

export interface AppliedStatus {
  readonly result: 'applied' | 'ignored';
  /** The customer after the change, when it was applied. */
  readonly customer?: CustomerItem;
}

const SYSTEM_ACTOR = 'system:stack-events';

const AUDITED: Partial<Record<CustomerAction, AuditAction>> = {
  provisioned: 'customer.provisioned',
  provisionFailed: 'customer.provision_failed',
  offboarded: 'customer.offboarded',
};

/**
 * Applies one stack status event to its customer. Events are delivered at
 * least once and possibly out of order: an event is applied only if its token
 * is the customer's current stack operation and the state machine allows it;
 * anything else is logged and dropped. Stack updates are recorded by
 * `rollout-events.ts`, on their own token.
 */
export async function applyStackStatusEvent(event: StackStatusEvent): Promise<'applied' | 'ignored'> {
  const customerId = customerIdFromStackId(event.detail['stack-id']);
  const { status, 'status-reason': reason = '' } = event.detail['status-details'];
  const token = event.detail['client-request-token'] ?? '';
  logger.appendKeys({ ...(customerId ? { customer_id: customerId } : {}), stack_status: status });
  if (!customerId) {
    logger.info('stack event ignored: not a customer stack', { token });
    return 'ignored';
  }
  // Updates (a rollout's, a PATCH's) never change the customer's status: their outcome is recorded beside it.
  if (isStackUpdateToken(token)) return applyStackUpdateStatus({ customerId, token, status, reason });
  return (await applyStackStatus({ customerId, token, status, reason }, SYSTEM_ACTOR)).result;
}

/**
 * The one place a stack status changes a customer, whether an event carried
 * it or the reconciliation read it: one conditional write guarded by the
 * token, then what the outcome sends next (the create after a cleanup).
 */
export async function applyStackStatus(change: StackStatusChange, actor: string): Promise<AppliedStatus> {
  // First, and on its own token: a retried event still confirms it after the transition below has applied.
  await confirmCreatedVersion(change.customerId, change.token, change.status);
  const outcome = outcomeOf(change.status, change.reason, change.token);
  if (!outcome) {
    logger.info('stack status means nothing for the customer', { token: change.token, stack_status: change.status });
    return { result: 'ignored' };
  }
  const auditAction = AUDITED[outcome.action];
  const audit = auditAction ? { customerId: change.customerId, action: auditAction, actor, target: change.customerId, details: { stack_status: change.status } } : undefined;
  let customer: CustomerItem;
  try {
    customer = await transitionCustomer(change.customerId, outcome.action, {
      actor,
      expectedToken: change.token,
      changes: outcome.changes,
      ...(audit ? { audit } : {}),
    });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof StaleStackEventError || error instanceof NotFoundError) {
      logger.info('stack status not applicable', { reason: error.message, stack_status: change.status });
      return { result: 'ignored' };
    }
    throw error;
  }
  logger.info('stack status applied', { action: outcome.action, status: customer.status, stack_status: change.status });
  if (outcome.then === 'create-stack') customer = await startProvisioning(customer, actor);
  return { result: 'applied', customer };
}
