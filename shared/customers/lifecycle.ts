import { appendAudit, type AuditAction } from '../audit/audit-log.ts';
import type { Caller } from '../identity/caller.ts';
import { isDependencyFailure } from '../http/dependency-failure.ts';
import { ConflictError, HttpProblem, ValidationError } from '../http/errors.ts';
import { moveDefaultsOff } from '../memberships/offboarding.ts';
import { logger } from '../observability/logger.ts';
import { isQuotaName, type QuotaMode, type QuotaName } from '../quotas/declarations.ts';
import type { QuotasPatch } from '../quotas/schemas.ts';
import type { CustomerItem } from './customer.ts';
import { cleanupToken, createToken, deleteCustomerStack, describeCustomerStack, operationToken, updateCustomerStack } from './provisioner.ts';
import { reconcileCustomer } from './reconcile.ts';
import { retryPlanOf, type RetryPlan } from './reconcile-rule.ts';
import { requireCustomer, StaleStackEventError, transitionCustomer, updateCustomerFields } from './repository.ts';
import type { UpdateCustomerRequest } from './schemas.ts';
import { transitionRefused } from './status.ts';

export interface ActorContext {
  readonly caller: Caller;
  readonly requestId: string;
}

function audit(customerId: string, action: AuditAction, who: ActorContext, details?: Record<string, unknown>) {
  return appendAudit({
    customerId,
    action,
    actor: who.caller.userId,
    actorEmail: who.caller.email,
    target: customerId,
    requestId: who.requestId,
    ...(details ? { details } : {}),
  });
}

/** How long a client should wait while CloudFormation rolls back a failed create. */
export const ROLLBACK_RETRY_AFTER_SECONDS = 15;

/**
 * POST /provision. A PROVISIONING customer is reconciled with its real stack
 * (a lost status event or a lost CreateStack is made up for at once). A
 * PROVISION_FAILED customer gets a new attempt: if the failed stack is still
 * there, the attempt starts by deleting it (its DELETE_COMPLETE then sends the
 * create); while CloudFormation is still rolling back, 409 with Retry-After.
 */
export async function retryProvisioning(customerId: string, who: ActorContext): Promise<CustomerItem> {
  const current = await requireCustomer(customerId);
  const actor = who.caller.userId;
  if (current.status === 'PROVISIONING') {
    // Not a new attempt (a concurrent retry may have just started one): the
    // running attempt is caught up with its stack, audited only if that changed something.
    const { customer, reconciliation } = await reconcileCustomer(current, actor);
    if (reconciliation.kind !== 'wait' && reconciliation.kind !== 'nothing') {
      await audit(customerId, 'customer.provisioning_reconciled', who, { attempt: current.provision_attempt, reconciliation: reconciliation.kind });
    }
    return customer;
  }
  if (current.status !== 'PROVISION_FAILED') throw transitionRefused(customerId, current.status, 'retryProvision');

  const stack = await describeCustomerStack(current.stack_name);
  const plan = retryPlanOf(stack);
  if (plan.kind !== 'start') throw stackNotReady(customerId, plan);
  const attempt = current.provision_attempt + 1;
  const token = plan.firstStep === 'cleanup' ? cleanupToken(customerId, attempt) : createToken({ customer_id: customerId, provision_attempt: attempt });
  let next: CustomerItem;
  try {
    next = await transitionCustomer(customerId, 'retryProvision', {
      actor,
      // Guarded by the failed attempt's token: of concurrent retries, one starts an attempt.
      expectedToken: current.stack_operation_token ?? '',
      changes: { provision_attempt: attempt, stack_operation_token: token, status_reason: null },
    });
  } catch (error) {
    if (!(error instanceof ConflictError || error instanceof StaleStackEventError)) throw error;
    const now = await requireCustomer(customerId);
    if (now.status === 'PROVISIONING') return now;
    throw transitionRefused(customerId, now.status, 'retryProvision');
  }
  await audit(customerId, 'customer.provisioning_retried', who, { attempt, first_step: plan.firstStep });
  return (await reconcileCustomer(next, actor, { stack })).customer;
}

function stackNotReady(customerId: string, plan: Exclude<RetryPlan, { kind: 'start' }>): ConflictError {
  if (plan.kind === 'wait') {
    return new ConflictError(
      `The stack of customer ${customerId}'s failed attempt is ${plan.stackStatus}; retry once CloudFormation has finished.`,
      { current_status: 'PROVISION_FAILED', stack_status: plan.stackStatus, retry_after_seconds: ROLLBACK_RETRY_AFTER_SECONDS },
    );
  }
  return new ConflictError(
    `The stack of customer ${customerId} is ${plan.stackStatus}, which a new attempt cannot replace; an operator must look at it.`,
    { current_status: 'PROVISION_FAILED', stack_status: plan.stackStatus },
  );
}

export async function setCustomerActive(customerId: string, active: boolean, who: ActorContext): Promise<CustomerItem> {
  const now = new Date();
  const customer = await transitionCustomer(customerId, active ? 'activate' : 'deactivate', {
    actor: who.caller.userId,
    now,
    changes: active ? { activated_at: now.toISOString() } : {},
  });
  await audit(customerId, active ? 'customer.activated' : 'customer.deactivated', who);
  return customer;
}

/**
 * Offboarding: OFFBOARDING at once, then the stack is deleted (its bucket is
 * retained) and the status event makes it OFFBOARDED. Without a stack to
 * delete the customer is OFFBOARDED at once. The record always stays.
 */
export async function offboardCustomer(customerId: string, confirm: string, who: ActorContext): Promise<CustomerItem> {
  if (confirm !== customerId) {
    throw new ValidationError([{ field: 'confirm', message: `must equal the customer id '${customerId}' to offboard it` }]);
  }
  const current = await requireCustomer(customerId);
  if (current.status === 'OFFBOARDED') return current;
  // A repeated DELETE continues the deletion under way with its own token; only a first one starts one.
  const continuing = current.status === 'OFFBOARDING' && current.stack_operation_token?.startsWith('delete-');
  const token = continuing ? (current.stack_operation_token as string) : operationToken('delete', customerId, new Date());
  let offboarding = current;
  if (!continuing) {
    try {
      offboarding = await transitionCustomer(customerId, 'offboard', {
        actor: who.caller.userId,
        onlyFrom: current.status,
        changes: { stack_operation_token: token, status_reason: null },
      });
    } catch (error) {
      // A concurrent DELETE started it first: answer what it made.
      if (error instanceof StaleStackEventError || (error instanceof ConflictError && current.status !== 'OFFBOARDING')) {
        const now = await requireCustomer(customerId);
        if (now.status === 'OFFBOARDING' || now.status === 'OFFBOARDED') return now;
      }
      throw error;
    }
    await audit(customerId, 'customer.offboarding_started', who);
  }
  // The customer is closed to members from now on: no user keeps it as their default.
  await moveDefaultsOff(customerId);
  try {
    const outcome = await deleteCustomerStack(offboarding, token);
    if (outcome === 'deleting') return offboarding;
    return await transitionCustomer(customerId, 'offboarded', {
      actor: who.caller.userId,
      expectedToken: token,
      changes: { offboarded_at: new Date().toISOString(), stack_operation_token: null },
    });
  } catch (error) {
    // Unreachable CloudFormation answers 503; the customer stays OFFBOARDING and the sweep sends DeleteStack.
    if (isDependencyFailure(error)) throw error;
    if (error instanceof ConflictError || error instanceof StaleStackEventError) {
      // A concurrent DELETE finished it.
      const now = await requireCustomer(customerId);
      if (now.status === 'OFFBOARDED' || now.status === 'OFFBOARDING') return now;
      throw error;
    }
    logger.warn('DeleteStack refused', { customer_id: customerId, error: error as Error });
    return transitionCustomer(customerId, 'offboardFailed', {
      actor: who.caller.userId,
      expectedToken: token,
      changes: { status_reason: `DeleteStack failed: ${(error as Error).message}. Send the request again to retry.` },
    });
  }
}

/** Fields the customer stack takes as parameters (tags, the budget): a change is pushed to the stack. */
const BILLING_FIELDS = ['billing_account_id', 'cost_center', 'billing_email', 'monthly_budget_usd'] as const;

/** Quota fields of a customer patch become paths into `quota_overrides` (null: back to the plan's limit). */
function toItemChanges(patch: UpdateCustomerRequest): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch).map(([field, value]) => [isQuotaName(field) ? `quota_overrides.${field}` : field, value as unknown]),
  );
}

/**
 * Applies a merge patch. A change of billing fields or of the plan is pushed
 * to the customer stack, so the bucket's cost-allocation tags and the
 * customer's API usage plan follow it.
 */
export async function updateCustomer(customerId: string, patch: UpdateCustomerRequest, who: ActorContext): Promise<CustomerItem> {
  const changes = toItemChanges(patch);
  const { before, after } = await updateCustomerFields(customerId, changes, { actor: who.caller.userId });
  await auditChanges(customerId, before, after, Object.keys(changes), who);
  // Pushed whenever the patch names such a field, changed or not, so that
  // sending the same PATCH again retries a stack update that failed.
  const stackInPatch = Object.keys(patch).some((f) => f === 'plan' || (BILLING_FIELDS as readonly string[]).includes(f));
  if (stackInPatch && (after.status === 'ACTIVE' || after.status === 'INACTIVE')) await pushToStack(after, who);
  return after;
}

/** `PATCH /customers/{id}/quotas`: per quota, an override (null: the plan's limit again) and a mode. */
export async function updateQuotas(customerId: string, patch: QuotasPatch, who: ActorContext): Promise<CustomerItem> {
  const changes: Record<string, unknown> = {};
  for (const [name, change] of Object.entries(patch) as [QuotaName, { limit?: number | null; mode?: QuotaMode } | undefined][]) {
    if (change?.limit !== undefined) changes[`quota_overrides.${name}`] = change.limit;
    if (change?.mode !== undefined) changes[`quota_modes.${name}`] = change.mode === 'enforce' ? null : change.mode;
  }
  const { before, after } = await updateCustomerFields(customerId, changes, { actor: who.caller.userId });
  await auditChanges(customerId, before, after, Object.keys(changes), who);
  return after;
}

/**
 * Audits what a change did, field by field: a quota field by the quota's
 * name (`max_storage_gb: { from, to }`), a quota mode as `<quota>.mode`.
 */
async function auditChanges(customerId: string, before: CustomerItem, after: CustomerItem, paths: readonly string[], who: ActorContext): Promise<void> {
  const valueAt = (item: CustomerItem, path: string): unknown => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], item);
  const labelled = paths.map((path) => [labelOf(path), path] as const);
  const changed = labelled.filter(([, path]) => JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(after, path)));
  if (changed.length === 0) return;
  const diff = Object.fromEntries(changed.map(([label, path]) => [label, { from: valueAt(before, path) ?? null, to: valueAt(after, path) ?? null }]));
  const quotaChanged = changed.some(([, path]) => path === 'plan' || path.startsWith('quota_'));
  await audit(customerId, quotaChanged ? 'customer.quota_changed' : 'customer.updated', who, { changes: diff });
}

/** `quota_overrides.max_storage_gb` → `max_storage_gb`; `quota_modes.burst` → `burst.mode`. */
function labelOf(path: string): string {
  if (path.startsWith('quota_overrides.')) return path.slice('quota_overrides.'.length);
  if (path.startsWith('quota_modes.')) return `${path.slice('quota_modes.'.length)}.mode`;
  return path;
}

/** How long a stack update usually takes (tags, a usage plan key): when to send a PATCH again. */
const STACK_BUSY_RETRY_SECONDS = 30;

async function pushToStack(customer: CustomerItem, who: ActorContext): Promise<void> {
  try {
    const outcome = await updateCustomerStack(customer, operationToken('update', customer.customer_id, new Date()));
    logger.info('customer stack update', { customer_id: customer.customer_id, outcome, by: who.caller.userId });
  } catch (error) {
    if (isDependencyFailure(error)) throw error;
    // CloudFormation takes one operation per stack at a time: an earlier change is still being applied.
    if (/_IN_PROGRESS state and can ?not be updated/.test((error as Error).message ?? '')) {
      throw new ConflictError('The customer was updated; its stack is still applying an earlier change. Send the same PATCH again in 30 seconds to apply this one to the stack.', {
        retry_after_seconds: STACK_BUSY_RETRY_SECONDS,
      });
    }
    throw new HttpProblem(
      502,
      'Bad Gateway',
      'The customer was updated but its stack (bucket tags, API usage plan) could not be; send the same PATCH again to retry.',
      {},
      { cause: error },
    );
  }
}
