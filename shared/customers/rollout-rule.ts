import type { CustomerItem, TemplateUpdate } from './customer.ts';
import type { StackState } from './reconcile-rule.ts';

/**
 * The template rollout's rules, as plain functions: where a customer stands
 * against the template version in force, what a stack status means for the
 * update of a rollout, and which customers the next batch updates.
 *
 * Tokens: `rollout-<id>-<ms>` brings a stack to a template version (one per
 * attempt, so a retry is a new request and a repeat of one attempt is the same
 * request); `update-<id>-<ms>` is a PATCH re-applying parameters and tags
 * with the stack's previous template; `create-<id>-<n>` creates it.
 */
export type CustomerRolloutState = 'up_to_date' | 'updating' | 'failed' | 'waiting' | 'skipped';

export const DEFAULT_BATCH_SIZE = 10;
/** The most UpdateStack calls one step sends (in parallel, within a request's time). */
export const MAX_BATCH_SIZE = 50;
export const DEFAULT_MAX_ATTEMPTS = 3;

export const ROLLOUT_TOKEN_PREFIX = 'rollout-';
const PATCH_TOKEN_PREFIX = 'update-';

export function rolloutToken(customerId: string, now: Date): string {
  return `${ROLLOUT_TOKEN_PREFIX}${customerId}-${now.getTime()}`;
}

export const isRolloutToken = (token: string | undefined): boolean => token?.startsWith(ROLLOUT_TOKEN_PREFIX) === true;
export const isCreateToken = (token: string | undefined): boolean => token?.startsWith('create-') === true;

/** `update-<id>-<ms>` → ms; undefined for any other token. */
export function patchUpdateTime(token: string | undefined): number | undefined {
  if (!token?.startsWith(PATCH_TOKEN_PREFIX)) return undefined;
  const ms = Number(token.slice(token.lastIndexOf('-') + 1));
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

export interface RolloutLimits {
  /** Updates in flight at most. */
  readonly batchSize: number;
  /** Attempts per customer before it is left failed. */
  readonly maxAttempts: number;
}

type RolloutCustomer = Pick<CustomerItem, 'customer_id' | 'status' | 'template_version' | 'template_update'>;

/** The rollout's update of this customer towards `target`, if one was started (a create mark is not one). */
export function rolloutUpdateOf(customer: RolloutCustomer, target: string): TemplateUpdate | undefined {
  const update = customer.template_update;
  return update && update.version === target && isRolloutToken(update.token) ? update : undefined;
}

/**
 * Where a customer stands. Only ACTIVE customers are updated: INACTIVE ones
 * are left as they are (skipped) until re-activated, and customers without a
 * stack that can take an update (PROVISIONING, PROVISION_FAILED, OFFBOARDING,
 * OFFBOARDED) are skipped; a customer still being created gets the version
 * in force when its stack is created.
 */
export function rolloutStateOf(customer: RolloutCustomer, target: string): CustomerRolloutState {
  if (customer.template_version === target) return 'up_to_date';
  if (customer.status !== 'ACTIVE') return 'skipped';
  const update = rolloutUpdateOf(customer, target);
  if (update?.state === 'updating') return 'updating';
  if (update?.state === 'failed') return 'failed';
  return 'waiting';
}

/** An ACTIVE customer whose create towards `target` finished while its confirmation was lost: already there. */
export function createConfirmationLost(customer: RolloutCustomer, target: string): boolean {
  const update = customer.template_update;
  return customer.status === 'ACTIVE' && customer.template_version !== target && update?.version === target && isCreateToken(update.token);
}

export interface BatchPlan {
  /** Customers to update now, in this order. */
  readonly start: readonly RolloutCustomer[];
  /** Updates in flight before this batch. */
  readonly inFlight: number;
}

/**
 * The next batch: as many customers as leave at most `batchSize` updates in
 * flight, customers never tried first, then failed ones with attempts left
 * (the longest-failed first).
 */
export function nextBatch(customers: readonly RolloutCustomer[], target: string, limits: RolloutLimits): BatchPlan {
  const inFlight = customers.filter((c) => rolloutStateOf(c, target) === 'updating').length;
  const room = Math.max(0, limits.batchSize - inFlight);
  const waiting = customers.filter((c) => rolloutStateOf(c, target) === 'waiting' && !createConfirmationLost(c, target));
  const retries = customers
    .filter((c) => rolloutStateOf(c, target) === 'failed' && (rolloutUpdateOf(c, target)?.attempts ?? 0) < limits.maxAttempts)
    .sort((a, b) => (rolloutUpdateOf(a, target)?.finished_at ?? '').localeCompare(rolloutUpdateOf(b, target)?.finished_at ?? ''));
  return { start: [...waiting, ...retries].slice(0, room), inFlight };
}

/** What a stack status means for an update of a rollout; undefined: nothing to record. */
export type TemplateUpdateOutcome =
  | { readonly kind: 'confirm' }
  /** The update is failing and rolling back: the reason is recorded, the outcome comes next. */
  | { readonly kind: 'failing'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

const FAILED_UPDATE_STATUSES: ReadonlySet<string> = new Set(['UPDATE_ROLLBACK_COMPLETE', 'UPDATE_FAILED', 'UPDATE_ROLLBACK_FAILED']);

export function templateUpdateOutcomeOf(status: string, reason: string): TemplateUpdateOutcome | undefined {
  const why = `Stack ${status}: ${reason || 'no reason given'}`;
  if (status === 'UPDATE_COMPLETE') return { kind: 'confirm' };
  if (status === 'UPDATE_ROLLBACK_IN_PROGRESS') return { kind: 'failing', reason: why };
  if (FAILED_UPDATE_STATUSES.has(status)) return { kind: 'failed', reason: why };
  return undefined;
}

/**
 * A PATCH's update: its failure is recorded on the customer (by the first
 * status that says so, which carries the reason), its success clears an
 * earlier failure.
 */
export function patchUpdateOutcomeOf(status: string, reason: string): { readonly failed: boolean; readonly reason?: string } | undefined {
  const outcome = templateUpdateOutcomeOf(status, reason);
  if (outcome === undefined) return undefined;
  return outcome.kind === 'confirm' ? { failed: false } : { failed: true, reason: outcome.reason };
}

export type StaleUpdateDecision =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'wait' }
  /** The stack has not changed since the update was claimed: the UpdateStack never arrived. Send it again (same token). */
  | { readonly kind: 'resend' };

/**
 * An update whose status events did not come: what DescribeStacks says about
 * it. A stack last updated after the update was claimed shows its outcome;
 * one not updated since never received it.
 */
export function staleUpdateDecision(update: Pick<TemplateUpdate, 'started_at'>, stack: StackState | undefined): StaleUpdateDecision {
  if (!stack) return { kind: 'failed', reason: 'The customer stack does not exist.' };
  if (stack.status.endsWith('_IN_PROGRESS')) return { kind: 'wait' };
  const updatedSince = stack.updatedAt !== undefined && stack.updatedAt >= update.started_at;
  if (!updatedSince) return { kind: 'resend' };
  const outcome = templateUpdateOutcomeOf(stack.status, stack.reason);
  if (outcome?.kind === 'confirm') return { kind: 'confirm' };
  if (outcome?.kind === 'failed') return { kind: 'failed', reason: outcome.reason };
  return { kind: 'failed', reason: `The stack is ${stack.status}, which no update leaves: an operator must look at it.` };
}

/** CloudFormation takes one operation per stack at a time: this refusal means "later", not "failed". */
export function isStackBusy(message: string | undefined): boolean {
  return /_IN_PROGRESS state and can ?not be updated/.test(message ?? '');
}
