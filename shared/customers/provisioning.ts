import { isDependencyFailure } from '../http/dependency-failure.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem } from './customer.ts';
import { createCustomerStack, createToken, currentTemplate, sendDeleteStack } from './provisioner.ts';
import { transitionCustomer } from './repository.ts';
import { markCreateVersion } from './rollout-events.ts';

/**
 * Sends CloudFormation the stack operation a customer's record says is under
 * way. The record is written first, so a request that is lost leaves a
 * customer the reconciliation sweep finds and sends it again (same token, so
 * CloudFormation takes a repeat as the same request).
 */

/**
 * Sends CreateStack for the customer's current attempt. If CloudFormation
 * refuses it, the customer becomes PROVISION_FAILED with the reason, so an
 * operator sees it and can retry; the stack-status event handles the rest.
 * If CloudFormation cannot be reached, the customer stays PROVISIONING: the
 * reconciliation sweep (or a retry of the request) sends it again.
 */
export async function startProvisioning(customer: CustomerItem, actor: string): Promise<CustomerItem> {
  const token = createToken(customer);
  const template = currentTemplate();
  try {
    await markCreateVersion(customer.customer_id, token, template.version);
  } catch (error) {
    if (!isDependencyFailure(error)) throw error;
    // Not worth holding the create back: a customer without a version counts as behind, and a rollout confirms it.
    logger.warn('template version of the create not recorded', { customer_id: customer.customer_id, error: error as Error });
  }
  try {
    await createCustomerStack(customer, token, template.url);
    logger.info('customer stack requested', { customer_id: customer.customer_id, token });
    return customer;
  } catch (error) {
    if (isDependencyFailure(error)) {
      logger.warn('CreateStack not delivered; the reconciliation sweep will send it again', { customer_id: customer.customer_id, error: error as Error });
      return customer;
    }
    logger.warn('CreateStack refused', { customer_id: customer.customer_id, error: error as Error });
    return transitionCustomer(customer.customer_id, 'provisionFailed', {
      actor,
      expectedToken: token,
      changes: { status_reason: `CreateStack failed: ${(error as Error).message}` },
    });
  }
}

/**
 * Sends DeleteStack with the customer's current token: the failed stack of the
 * previous attempt (PROVISIONING, `cleanup-…`) or the offboarded stack
 * (OFFBOARDING, `delete-…`). A refusal is recorded as that step's failure.
 */
export async function sendStackDeletion(customer: CustomerItem, actor: string): Promise<CustomerItem> {
  const token = customer.stack_operation_token ?? '';
  try {
    await sendDeleteStack(customer, token);
    logger.info('customer stack deletion requested', { customer_id: customer.customer_id, token });
    return customer;
  } catch (error) {
    if (isDependencyFailure(error)) {
      logger.warn('DeleteStack not delivered; the reconciliation sweep will send it again', { customer_id: customer.customer_id, error: error as Error });
      return customer;
    }
    logger.warn('DeleteStack refused', { customer_id: customer.customer_id, error: error as Error });
    const offboarding = customer.status === 'OFFBOARDING';
    return transitionCustomer(customer.customer_id, offboarding ? 'offboardFailed' : 'provisionFailed', {
      actor,
      expectedToken: token,
      changes: {
        status_reason: `DeleteStack failed: ${(error as Error).message}. Send ${offboarding ? 'DELETE' : 'POST /provision'} again to retry.`,
      },
    });
  }
}
