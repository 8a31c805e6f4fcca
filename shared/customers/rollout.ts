import { appendAudit } from '../audit/audit-log.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv } from '../config/runtime.ts';
import { isDependencyFailure } from '../http/dependency-failure.ts';
import { logger } from '../observability/logger.ts';
import type { CustomerItem, TemplateUpdate } from './customer.ts';
import type { ActorContext } from './lifecycle.ts';
import { currentTemplate, describeCustomerStack, updateCustomerStackTemplate } from './provisioner.ts';
import {
  allCustomers,
  claimTemplateUpdate,
  confirmTemplateVersion,
  createRollout,
  customersWithStatus,
  getRollout,
  recordTemplateUpdateFailed,
  releaseLease,
  releaseTemplateUpdate,
  reopenRollout,
  takeLease,
  type RolloutItem,
} from './rollout-repository.ts';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_ATTEMPTS,
  createConfirmationLost,
  isStackBusy,
  nextBatch,
  rolloutStateOf,
  rolloutToken,
  rolloutUpdateOf,
  staleUpdateDecision,
  type CustomerRolloutState,
  type RolloutLimits,
} from './rollout-rule.ts';

/**
 * The template rollout: brings the stacks of existing customers to the
 * customer template in force, a bounded batch at a time. `POST /admin/rollout`
 * starts (or continues) it, the `customers.reconcile` sweep continues it every
 * few minutes, and stack-status events confirm each update (see
 * `rollout-events.ts`); an update whose events are lost is read back by the sweep.
 */
/** Longer than a request or a sweep run lasts, so a holder that died releases the rollout by itself. */
const LEASE_MS = 90_000;
/** Audit entries of the platform itself (not of a customer) are kept under this id, which no customer id can take. */
export const PLATFORM_AUDIT_ID = 'platform';

export function rolloutLimits(batchSize?: number): RolloutLimits {
  return {
    batchSize: batchSize ?? intEnv(ENV.rolloutBatchSize, DEFAULT_BATCH_SIZE),
    maxAttempts: intEnv(ENV.rolloutMaxAttempts, DEFAULT_MAX_ATTEMPTS),
  };
}

export interface RolloutProgress {
  readonly target_version: string;
  readonly state: 'not_started' | 'in_progress' | 'complete' | 'complete_with_failures';
  readonly started_at?: string;
  readonly started_by?: string;
  readonly completed_at?: string;
  readonly last_advanced_at?: string;
  readonly batch_size: number;
  readonly max_attempts: number;
  readonly counts: Readonly<Record<CustomerRolloutState, number>>;
  readonly failed: readonly { readonly customer_id: string; readonly reason: string; readonly attempts: number; readonly will_retry: boolean }[];
  readonly skipped_by_status: Readonly<Record<string, number>>;
}

/** `POST /admin/rollout`: records the rollout to the version in force (once), then advances it by one batch. */
export async function startRollout(options: { readonly batchSize?: number }, who: ActorContext): Promise<RolloutProgress & { readonly started: boolean }> {
  const now = new Date();
  const { version } = currentTemplate();
  const limits = rolloutLimits(options.batchSize);
  const started = await createRollout({ rollout_version: version, started_at: now.toISOString(), started_by: who.caller.userId, batch_size: limits.batchSize });
  if (started) {
    await appendAudit({
      customerId: PLATFORM_AUDIT_ID,
      action: 'rollout.started',
      actor: who.caller.userId,
      actorEmail: who.caller.email,
      target: `template:${version}`,
      requestId: who.requestId,
      details: { template_version: version, batch_size: limits.batchSize },
    });
  } else {
    await reopenRollout(version, options.batchSize);
  }
  await advanceRollout(version, { actor: who.caller.userId, readStaleUpdates: false });
  return { started, ...(await rolloutProgress()) };
}

export interface ContinueReport {
  readonly target_version: string;
  readonly advanced: boolean;
  readonly started?: number;
  readonly in_flight?: number;
  readonly completed?: boolean;
}

/** The sweep's part: continues the unfinished rollout to the version in force, if there is one. */
export async function continueRollout(options: { readonly staleAfterSeconds: number }): Promise<ContinueReport | undefined> {
  const { version } = currentTemplate();
  const rollout = await getRollout(version);
  if (!rollout || rollout.completed_at) return undefined;
  return advanceRollout(version, { actor: 'system:rollout', readStaleUpdates: true, staleAfterSeconds: options.staleAfterSeconds, batchSize: rollout.batch_size });
}

interface AdvanceOptions {
  readonly actor: string;
  /** Read back updates whose events did not come (the sweep does; a request does not wait for it). */
  readonly readStaleUpdates: boolean;
  readonly staleAfterSeconds?: number;
  readonly batchSize?: number;
}

/**
 * One step, by whoever holds the rollout's lease (a concurrent request or run
 * answers progress without sending anything): creates whose confirmation was
 * lost are confirmed, stale updates read back, then the next batch is sent.
 */
async function advanceRollout(version: string, options: AdvanceOptions): Promise<ContinueReport> {
  const now = new Date();
  const until = new Date(now.getTime() + LEASE_MS);
  if (!(await takeLease(version, now, until))) return { target_version: version, advanced: false };
  let completed = false;
  try {
    const rollout = (await getRollout(version)) as RolloutItem;
    const limits = rolloutLimits(options.batchSize ?? rollout.batch_size);
    let behind = await customersWithStatus('ACTIVE', version);
    for (const customer of behind.filter((c) => createConfirmationLost(c, version))) {
      await confirmTemplateVersion(customer.customer_id, customer.template_update?.token ?? '');
    }
    behind = behind.filter((c) => !createConfirmationLost(c, version));
    if (options.readStaleUpdates) {
      const staleBefore = new Date(now.getTime() - (options.staleAfterSeconds ?? 0) * 1000).toISOString();
      const stale = behind.filter((c) => rolloutStateOf(c, version) === 'updating' && (rolloutUpdateOf(c, version)?.started_at ?? '') < staleBefore);
      await Promise.allSettled(stale.map((c) => readBackUpdate(c, rolloutUpdateOf(c, version) as TemplateUpdate, options.actor)));
      if (stale.length > 0) behind = await customersWithStatus('ACTIVE', version);
    }
    const plan = nextBatch(behind, version, limits);
    const url = currentTemplate().url;
    // Settled, each on its own: one customer's failure is the next step's to retry, and no send outlives the lease.
    const settled = await Promise.allSettled(plan.start.map((c) => sendTemplateUpdate(c as CustomerItem, version, url, now)));
    const results = settled.map((r, i) => {
      if (r.status === 'fulfilled') return r.value;
      logger.error('rollout update not sent; the next step tries again', { customer_id: plan.start[i]?.customer_id, error: r.reason as Error });
      return 'error' as const;
    });
    const left = (await customersWithStatus('ACTIVE', version)).filter((c) => {
      const state = rolloutStateOf(c, version);
      return state === 'waiting' || state === 'updating' || (state === 'failed' && (rolloutUpdateOf(c, version)?.attempts ?? 0) < limits.maxAttempts);
    });
    completed = left.length === 0;
    logger.info('rollout advanced', { template_version: version, started: results, in_flight: plan.inFlight, left: left.length });
    return { target_version: version, advanced: true, started: results.length, in_flight: plan.inFlight, completed };
  } finally {
    await releaseLease(version, until, { now: new Date(), completed });
  }
}

type SendResult = 'updating' | 'up_to_date' | 'waiting' | 'failed' | 'raced';

/**
 * Claims the customer, then sends UpdateStack with the template in force and
 * its current parameters. "No updates are to be performed" means the stack
 * already is that template: the version is recorded. A busy stack or an
 * unreachable CloudFormation gives the claim back (retried by a later step);
 * any other refusal is a failed attempt, with CloudFormation's words.
 */
async function sendTemplateUpdate(customer: CustomerItem, version: string, url: string, now: Date): Promise<SendResult> {
  const previous = customer.template_update;
  const update: TemplateUpdate = {
    token: rolloutToken(customer.customer_id, now),
    version,
    state: 'updating',
    attempts: (rolloutUpdateOf(customer, version)?.attempts ?? 0) + 1,
    started_at: now.toISOString(),
  };
  if (!(await claimTemplateUpdate(customer, update))) return 'raced';
  return sendClaimed(customer, update, url, previous);
}

async function sendClaimed(customer: CustomerItem, update: TemplateUpdate, url: string, previous: TemplateUpdate | undefined): Promise<SendResult> {
  const id = customer.customer_id;
  try {
    const outcome = await updateCustomerStackTemplate(customer, update.token, url);
    if (outcome === 'unchanged') {
      await confirmTemplateVersion(id, update.token);
      return 'up_to_date';
    }
    return 'updating';
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (isDependencyFailure(error) || isStackBusy(message)) {
      logger.info('stack not updated now; a later step retries it', { customer_id: id, error: message });
      await releaseTemplateUpdate(id, update.token, previous);
      return 'waiting';
    }
    logger.warn('UpdateStack refused', { customer_id: id, error: message });
    await recordTemplateUpdateFailed(id, update.token, `UpdateStack refused: ${message}`, new Date());
    return 'failed';
  }
}

/** An update whose events did not come: what the stack says decides (or UpdateStack again, same token, if it never arrived). */
async function readBackUpdate(customer: CustomerItem, update: TemplateUpdate, actor: string): Promise<void> {
  try {
    const decision = staleUpdateDecision(update, await describeCustomerStack(customer.stack_name));
    logger.info('stale rollout update read back', { customer_id: customer.customer_id, decision, actor });
    if (decision.kind === 'confirm') await confirmTemplateVersion(customer.customer_id, update.token);
    if (decision.kind === 'failed') await recordTemplateUpdateFailed(customer.customer_id, update.token, decision.reason, new Date());
    // Same token: CloudFormation takes it as the same request. Still busy or unreachable: it stays claimed, read again next run.
    if (decision.kind === 'resend') await sendClaimed(customer, update, currentTemplate().url, update);
  } catch (error) {
    if (!isDependencyFailure(error)) throw error;
    logger.warn('stale rollout update not read back; the next run tries again', { customer_id: customer.customer_id, error: error as Error });
  }
}

/** `GET /admin/rollout`: where every customer stands against the version in force. */
export async function rolloutProgress(): Promise<RolloutProgress> {
  const { version } = currentTemplate();
  const [rollout, customers] = await Promise.all([getRollout(version), allCustomers()]);
  const limits = rolloutLimits(rollout?.batch_size);
  const counts: Record<CustomerRolloutState, number> = { up_to_date: 0, updating: 0, failed: 0, waiting: 0, skipped: 0 };
  const failed: RolloutProgress['failed'][number][] = [];
  const skippedByStatus: Record<string, number> = {};
  for (const customer of customers) {
    // An offboarded customer has no stack left to update.
    if (customer.status === 'OFFBOARDED') continue;
    const state = createConfirmationLost(customer, version) ? 'up_to_date' : rolloutStateOf(customer, version);
    counts[state] += 1;
    if (state === 'skipped') skippedByStatus[customer.status] = (skippedByStatus[customer.status] ?? 0) + 1;
    if (state === 'failed') {
      const update = rolloutUpdateOf(customer, version) as TemplateUpdate;
      failed.push({ customer_id: customer.customer_id, reason: update.reason ?? '', attempts: update.attempts, will_retry: update.attempts < limits.maxAttempts });
    }
  }
  return {
    target_version: version,
    state: stateOf(rollout, counts, failed),
    ...(rollout
      ? {
          started_at: rollout.started_at,
          started_by: rollout.started_by,
          ...(rollout.completed_at ? { completed_at: rollout.completed_at } : {}),
          ...(rollout.last_advanced_at ? { last_advanced_at: rollout.last_advanced_at } : {}),
        }
      : {}),
    batch_size: limits.batchSize,
    max_attempts: limits.maxAttempts,
    counts,
    failed,
    skipped_by_status: skippedByStatus,
  };
}

function stateOf(rollout: RolloutItem | undefined, counts: Record<CustomerRolloutState, number>, failed: RolloutProgress['failed']): RolloutProgress['state'] {
  if (!rollout) return 'not_started';
  if (counts.waiting > 0 || counts.updating > 0 || failed.some((f) => f.will_retry)) return 'in_progress';
  return counts.failed > 0 ? 'complete_with_failures' : 'complete';
}
