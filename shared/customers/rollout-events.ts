import { logger } from '../observability/logger.ts';
import {
  confirmTemplateVersion,
  markCreateTarget,
  recordPatchUpdateOutcome,
  recordTemplateUpdateFailed,
  recordTemplateUpdateReason,
} from './rollout-repository.ts';
import { isCreateToken, isRolloutToken, patchUpdateOutcomeOf, patchUpdateTime, templateUpdateOutcomeOf } from './rollout-rule.ts';

/**
 * Stack statuses of the operations that set a customer's template version:
 * the create (which version it was sent with is recorded just before it is
 * sent), a rollout's update, and a PATCH's update (whose failure is recorded).
 * Every write is guarded by the operation's token (a PATCH's by its time), so
 * a late, repeated or out-of-order event changes nothing; the customer's
 * status is never changed: a failed update leaves the stack, and its bucket,
 * as they were.
 */
export interface UpdateStatusChange {
  readonly customerId: string;
  readonly token: string;
  readonly status: string;
  readonly reason: string;
}

/** Whether the token names an update these rules handle (rather than a lifecycle operation). */
export function isStackUpdateToken(token: string): boolean {
  return isRolloutToken(token) || patchUpdateTime(token) !== undefined;
}

export async function applyStackUpdateStatus(change: UpdateStatusChange, now = new Date()): Promise<'applied' | 'ignored'> {
  const { customerId, token, status, reason } = change;
  const patchMs = patchUpdateTime(token);
  if (patchMs !== undefined) {
    const outcome = patchUpdateOutcomeOf(status, reason);
    if (!outcome) return 'ignored';
    const failure = outcome.failed ? { status, reason: outcome.reason ?? '', at: now.toISOString() } : undefined;
    return result(await recordPatchUpdateOutcome(customerId, patchMs, failure), change);
  }
  const outcome = templateUpdateOutcomeOf(status, reason);
  if (!outcome) return 'ignored';
  switch (outcome.kind) {
    case 'confirm':
      return result(await confirmTemplateVersion(customerId, token), change);
    case 'failing':
      return result(await recordTemplateUpdateReason(customerId, token, outcome.reason), change);
    case 'failed':
      return result(await recordTemplateUpdateFailed(customerId, token, outcome.reason, now), change);
  }
}

/** Before CreateStack: the version the create brings the stack to, confirmed by its CREATE_COMPLETE. */
export async function markCreateVersion(customerId: string, token: string, version: string, now = new Date()): Promise<void> {
  await markCreateTarget(customerId, { token, version, state: 'updating', attempts: 0, started_at: now.toISOString() });
}

/** CREATE_COMPLETE of the create with this token: its version becomes the customer's (once; guarded by the token). */
export async function confirmCreatedVersion(customerId: string, token: string, status: string): Promise<void> {
  if (status !== 'CREATE_COMPLETE' || !isCreateToken(token)) return;
  await confirmTemplateVersion(customerId, token);
}

function result(applied: boolean, change: UpdateStatusChange): 'applied' | 'ignored' {
  logger.info(applied ? 'stack update status applied' : 'stack update status not applicable (another operation, or already applied)', {
    customer_id: change.customerId,
    stack_status: change.status,
    token: change.token,
  });
  return applied ? 'applied' : 'ignored';
}
