import type { CustomerItem } from './customer.ts';
import { FAILED_CREATE_STATUSES, operationKindOf, outcomeOf } from './stack-outcome.ts';

/**
 * The one reconciliation rule, as plain functions: given a customer whose
 * stack operation is under way and what DescribeStacks says about its stack
 * (nothing: there is none), what brings the customer in line with the stack.
 * Status events and this rule meet in `outcomeOf`: applying a stack's status
 * is the same whether an event carried it or DescribeStacks read it.
 */
export interface StackState {
  readonly status: string;
  readonly reason: string;
  /** When the stack was last updated (DescribeStacks LastUpdatedTime), if ever. */
  readonly updatedAt?: string;
}

export type Reconciliation =
  /** Apply this status as if its event had arrived with the customer's current token. */
  | { readonly kind: 'apply'; readonly status: string; readonly reason: string }
  /** The create of the current attempt never reached CloudFormation: send it again (same token). */
  | { readonly kind: 'send-create' }
  /** The current deletion never reached CloudFormation: send it again (same token). */
  | { readonly kind: 'send-delete' }
  /** CloudFormation is still working; its status event, or the next sweep, finishes the job. */
  | { readonly kind: 'wait'; readonly stackStatus: string }
  | { readonly kind: 'nothing'; readonly why: string };

/** A stack left by a failed create: it can only be deleted, and must be before the name is free. */
export const FAILED_CREATE_LEFTOVERS: ReadonlySet<string> = new Set(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED']);

const isInProgress = (status: string) => status.endsWith('_IN_PROGRESS');

type ReconciledCustomer = Pick<CustomerItem, 'status' | 'stack_operation_token' | 'status_reason'>;

export function reconciliationOf(customer: ReconciledCustomer, stack: StackState | undefined): Reconciliation {
  const kind = operationKindOf(customer.stack_operation_token);
  if (customer.status === 'PROVISIONING' && kind === 'create') return forCreate(stack);
  if (customer.status === 'PROVISIONING' && kind === 'cleanup') return forCleanup(stack);
  if (customer.status === 'OFFBOARDING' && kind === 'delete') return forOffboarding(customer, stack);
  return { kind: 'nothing', why: `no stack operation of Portico is under way (${customer.status}, ${kind ?? 'no'} operation)` };
}

function forCreate(stack: StackState | undefined): Reconciliation {
  if (!stack) return { kind: 'send-create' };
  if (stack.status === 'CREATE_COMPLETE') return { kind: 'apply', ...stack };
  // ROLLBACK_IN_PROGRESS already means failed, as its event does; a deletion under way is waited for.
  if (FAILED_CREATE_STATUSES.has(stack.status) && stack.status !== 'DELETE_IN_PROGRESS') return { kind: 'apply', ...stack };
  if (isInProgress(stack.status)) return { kind: 'wait', stackStatus: stack.status };
  return { kind: 'nothing', why: `the stack is ${stack.status}, which no create leaves: an operator must look at it` };
}

function forCleanup(stack: StackState | undefined): Reconciliation {
  if (!stack) return { kind: 'apply', status: 'DELETE_COMPLETE', reason: '' };
  if (stack.status === 'DELETE_FAILED') return { kind: 'apply', ...stack };
  if (FAILED_CREATE_LEFTOVERS.has(stack.status)) return { kind: 'send-delete' };
  if (isInProgress(stack.status)) return { kind: 'wait', stackStatus: stack.status };
  return { kind: 'nothing', why: `the stack is ${stack.status}, not the failed stack a cleanup deletes: an operator must look at it` };
}

function forOffboarding(customer: ReconciledCustomer, stack: StackState | undefined): Reconciliation {
  if (!stack) return { kind: 'apply', status: 'DELETE_COMPLETE', reason: '' };
  if (isInProgress(stack.status)) return { kind: 'wait', stackStatus: stack.status };
  if (stack.status === 'DELETE_FAILED') {
    const recorded = outcomeOf(stack.status, stack.reason, customer.stack_operation_token ?? '')?.changes.status_reason;
    // DELETE again is the operator's call: a failed deletion is reported, not retried blindly.
    return recorded === customer.status_reason ? { kind: 'nothing', why: 'the failed deletion is already reported' } : { kind: 'apply', ...stack };
  }
  return { kind: 'send-delete' };
}

export type RetryPlan =
  | { readonly kind: 'start'; readonly firstStep: 'create' | 'cleanup' }
  | { readonly kind: 'wait'; readonly stackStatus: string }
  | { readonly kind: 'refuse'; readonly stackStatus: string };

/**
 * How a new attempt for a PROVISION_FAILED customer begins: with the create if
 * the name is free (or the stack turned out fine), with deleting the failed
 * stack if one is left, or not yet while CloudFormation is still rolling back.
 */
export function retryPlanOf(stack: StackState | undefined): RetryPlan {
  if (!stack || stack.status === 'CREATE_COMPLETE') return { kind: 'start', firstStep: 'create' };
  if (FAILED_CREATE_LEFTOVERS.has(stack.status) || stack.status === 'DELETE_FAILED') return { kind: 'start', firstStep: 'cleanup' };
  if (isInProgress(stack.status)) return { kind: 'wait', stackStatus: stack.status };
  return { kind: 'refuse', stackStatus: stack.status };
}
