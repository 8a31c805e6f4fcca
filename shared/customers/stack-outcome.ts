import type { CustomerAction } from './status.ts';
import { CUSTOMER_STACK_PREFIX } from './template-contract.ts';

/**
 * What a CloudFormation stack status means for a customer, as plain
 * functions: which operation (by its client request token) and which
 * transition of the state machine.
 */
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

export interface Outcome {
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

