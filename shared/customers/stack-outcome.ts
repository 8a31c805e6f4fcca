import type { CustomerAction } from './status.ts';
import { CUSTOMER_STACK_PREFIX } from './template-contract.ts';

/**
 * What a CloudFormation stack status means for a customer, as plain
 * functions: which operation (by its client request token) and which
 * transition of the state machine.
 *
 * Tokens name the operation: `create-<id>-<attempt>` creates the stack of an
 * attempt, `cleanup-<id>-<attempt>` deletes the rolled-back stack of the
 * attempt before it, `delete-<id>-<ms>` offboards, `update-<id>-<ms>` pushes tags.
 */
export type OperationKind = 'create' | 'cleanup' | 'delete' | 'update';

const OPERATION_KINDS: readonly OperationKind[] = ['create', 'cleanup', 'delete', 'update'];

export function operationKindOf(token: string | undefined): OperationKind | undefined {
  return OPERATION_KINDS.find((kind) => token?.startsWith(`${kind}-`));
}

/**
 * Any of these during a create means it failed; the first one carries the
 * reason. With rollback on (the default), a stack that fails to create goes
 * ROLLBACK_IN_PROGRESS → ROLLBACK_COMPLETE (or ROLLBACK_FAILED); CREATE_FAILED
 * is where it stops with rollback off, and the DELETE_* statuses come from
 * stacks created with OnFailure=DELETE before Portico stopped using it.
 */
export const FAILED_CREATE_STATUSES: ReadonlySet<string> = new Set([
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
  /** What to send CloudFormation once the transition is written. */
  readonly then?: 'create-stack';
}

/** The create that follows a cleanup: `cleanup-<id>-<n>` → `create-<id>-<n>`. */
export function createTokenAfterCleanup(cleanupToken: string): string {
  return `create-${cleanupToken.slice('cleanup-'.length)}`;
}

/** What a status means for the operation the token names; undefined = nothing to do. */
export function outcomeOf(status: string, reason: string, token: string): Outcome | undefined {
  const now = new Date().toISOString();
  const why = reason || 'no reason given';
  switch (operationKindOf(token)) {
    case 'create':
      if (status === 'CREATE_COMPLETE') {
        return { action: 'provisioned', changes: { activated_at: now, status_reason: null, stack_operation_token: null } };
      }
      if (FAILED_CREATE_STATUSES.has(status)) return { action: 'provisionFailed', changes: { status_reason: `Stack ${status}: ${why}` } };
      return undefined;
    case 'cleanup':
      if (status === 'DELETE_COMPLETE') {
        return { action: 'failedStackRemoved', changes: { stack_operation_token: createTokenAfterCleanup(token) }, then: 'create-stack' };
      }
      if (status === 'DELETE_FAILED') {
        return {
          action: 'provisionFailed',
          changes: {
            status_reason: `The failed stack of the previous attempt could not be deleted (Stack DELETE_FAILED: ${why}). Send POST /provision again to retry.`,
          },
        };
      }
      return undefined;
    case 'delete':
      if (status === 'DELETE_COMPLETE') {
        return { action: 'offboarded', changes: { offboarded_at: now, status_reason: null, stack_operation_token: null } };
      }
      if (status === 'DELETE_FAILED') {
        return { action: 'offboardFailed', changes: { status_reason: `Stack DELETE_FAILED: ${why}. Send DELETE again to retry.` } };
      }
      return undefined;
    default:
      return undefined;
  }
}
