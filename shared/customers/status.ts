import { ConflictError } from '../http/errors.ts';

export const CUSTOMER_STATUSES = [
  'PROVISIONING',
  'PROVISION_FAILED',
  'ACTIVE',
  'INACTIVE',
  'OFFBOARDING',
  'OFFBOARDED',
] as const;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/**
 * The one customer state machine. Every write names its action; the
 * repository turns `from` into a DynamoDB condition, so a transition is
 * checked and applied in a single atomic write.
 */
export const TRANSITIONS = {
  /** The customer stack reached CREATE_COMPLETE. */
  provisioned: { from: ['PROVISIONING'], to: 'ACTIVE' },
  /** The customer stack failed to create, or CreateStack was refused. */
  provisionFailed: { from: ['PROVISIONING'], to: 'PROVISION_FAILED' },
  /** A new attempt after a failure (a PROVISIONING customer is reconciled instead). */
  retryProvision: { from: ['PROVISION_FAILED'], to: 'PROVISIONING' },
  /** The failed stack of the previous attempt is deleted: the new attempt's create comes next. */
  failedStackRemoved: { from: ['PROVISIONING'], to: 'PROVISIONING' },
  deactivate: { from: ['ACTIVE'], to: 'INACTIVE' },
  activate: { from: ['INACTIVE'], to: 'ACTIVE' },
  /** Offboarding may be retried while it is under way (a failed stack deletion). */
  offboard: { from: ['ACTIVE', 'INACTIVE', 'PROVISION_FAILED', 'OFFBOARDING'], to: 'OFFBOARDING' },
  offboarded: { from: ['OFFBOARDING'], to: 'OFFBOARDED' },
  offboardFailed: { from: ['OFFBOARDING'], to: 'OFFBOARDING' },
} as const satisfies Record<string, { from: readonly CustomerStatus[]; to: CustomerStatus }>;

export type CustomerAction = keyof typeof TRANSITIONS;

/** Statuses in which the customer's profile, plan and quotas may be edited. */
export const EDITABLE_STATUSES: readonly CustomerStatus[] = ['PROVISIONING', 'PROVISION_FAILED', 'ACTIVE', 'INACTIVE'];

export function canTransition(status: CustomerStatus, action: CustomerAction): boolean {
  return (TRANSITIONS[action].from as readonly CustomerStatus[]).includes(status);
}

/** What each change is called in an answer: words a person reads, not the machine's action names. */
const ACTION_WORDS: Record<CustomerAction | 'update', string> = {
  provisioned: 'it can be marked provisioned',
  provisionFailed: 'it can be marked as failed to provision',
  retryProvision: 'provisioning can be retried',
  failedStackRemoved: 'the failed stack of its previous attempt can be replaced',
  deactivate: 'it can be deactivated',
  activate: 'it can be activated',
  offboard: 'it can be offboarded',
  offboarded: 'it can be marked offboarded',
  offboardFailed: 'its offboarding can be marked as failed',
  update: 'its profile, plan, quotas and billing fields can be changed',
};

export function transitionRefused(customerId: string, status: string, action: CustomerAction | 'update'): ConflictError {
  const allowed = action === 'update' ? EDITABLE_STATUSES : TRANSITIONS[action].from;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join('');
  return new ConflictError(`Customer ${customerId} is ${status}; ${ACTION_WORDS[action]} only when it is ${list}.`, {
    current_status: status,
    allowed_statuses: [...allowed],
  });
}
