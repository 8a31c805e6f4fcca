import { appendAudit } from '../audit/audit-log.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { StaleStackEventError, transitionCustomer } from './repository.ts';
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

const SYSTEM_ACTOR = 'system:stack-events';

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
      logger.info('stack event not applicable', { reason: (error).message });
      return 'ignored';
    }
    throw error;
  }
}
