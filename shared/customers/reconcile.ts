import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { describeCustomerStack } from './provisioner.ts';
import { sendStackDeletion, startProvisioning } from './provisioning.ts';
import { reconciliationOf, type Reconciliation, type StackState } from './reconcile-rule.ts';
import { applyStackStatus } from './stack-events.ts';

export interface ReconcileResult {
  readonly reconciliation: Reconciliation;
  /** The customer as it is now, as far as this call knows. */
  readonly customer: CustomerItem;
}

/**
 * Brings a customer whose stack operation is under way in line with its real
 * stack: DescribeStacks (unless the caller just read it), the rule in
 * `reconcile-rule.ts`, then the same write a status event would make, or the
 * stack request that never reached CloudFormation, sent again.
 */
export async function reconcileCustomer(
  customer: CustomerItem,
  actor: string,
  known?: { readonly stack: StackState | undefined },
): Promise<ReconcileResult> {
  const stack = known ? known.stack : await describeCustomerStack(customer.stack_name);
  const reconciliation = reconciliationOf(customer, stack);
  logger.info('customer reconciled', {
    customer_id: customer.customer_id,
    status: customer.status,
    stack_status: stack?.status ?? 'none',
    reconciliation,
  });
  return { reconciliation, customer: await carryOut(reconciliation, customer, actor) };
}

async function carryOut(reconciliation: Reconciliation, customer: CustomerItem, actor: string): Promise<CustomerItem> {
  switch (reconciliation.kind) {
    case 'apply': {
      const { status, reason } = reconciliation;
      const change = { customerId: customer.customer_id, token: customer.stack_operation_token ?? '', status, reason };
      return (await applyStackStatus(change, actor)).customer ?? customer;
    }
    case 'send-create':
      return startProvisioning(customer, actor);
    case 'send-delete':
      return sendStackDeletion(customer, actor);
    case 'wait':
    case 'nothing':
      return customer;
  }
}
