import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../clients/s3.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { quotasOf } from '../customers/views.ts';
import { ConflictError, ForbiddenError, NotFoundError, QuotaExceededError } from '../http/errors.ts';
import type { HttpProblem } from '../http/errors.ts';
import { readCounters } from '../usage/counters.ts';
import { logger } from '../observability/logger.ts';
import { canMove, holdsSlot, PROGRESS, SENTINEL_STATES, WORKSET_TRANSITIONS, type SentinelName, type WorksetState } from './states.ts';
import { getWorkset, transitionWorkset, type WorksetRecord } from './repository.ts';

export async function requireWorkset(customerId: string, worksetId: string): Promise<WorksetRecord> {
  const record = await getWorkset(customerId, worksetId);
  if (!record) throw new NotFoundError(`Workset ${worksetId} does not exist for customer ${customerId}.`);
  return record;
}

function transitionRefused(record: WorksetRecord, to: WorksetState): ConflictError {
  const allowed = WORKSET_TRANSITIONS[record.state];
  const next = allowed.length > 0 ? `from ${record.state} it can only become ${allowed.join(', ')}` : `${record.state} is final`;
  return new ConflictError(`Workset ${record.workset_id} is ${record.state}; it cannot become ${to} (${next}).`, {
    current_state: record.state,
    allowed_states: [...allowed],
  });
}

/**
 * `PUT .../state` by the platform's service accounts (or admins): the same
 * transitions the runner's sentinels drive, and the platform's own
 * (`retrying`, `failed`, `archived`). Entering `retrying` takes a slot again
 * (429 when none is free).
 */
export async function setWorksetState(customer: CustomerItem, worksetId: string, to: WorksetState, by: string, reason?: string): Promise<WorksetRecord> {
  const record = await requireWorkset(customer.customer_id, worksetId);
  if (record.state === to) return record;
  if (!canMove(record.state, to)) throw transitionRefused(record, to);
  const takesSlot = !holdsSlot(record.state) && holdsSlot(to);
  const concurrency = takesSlot ? (await quotasOf(customer)).max_concurrent_worksets : undefined;
  const outcome = await transitionWorkset(record, {
    to,
    by,
    ...(reason ? { reason } : {}),
    ...(concurrency ? { slotLimit: { limit: concurrency.limit, enforce: concurrency.mode === 'enforce' } } : {}),
  });
  if (outcome.applied) return outcome.record;
  if (outcome.reason === 'no-slot') throw await noSlotProblem(customer.customer_id, worksetId, concurrency?.limit ?? 0);
  throw new ConflictError(`Workset ${worksetId} changed meanwhile; read it again and retry.`);
}

/** Why a workset could not take a slot again: its customer is not active (403), or none is free (429). */
async function noSlotProblem(customerId: string, worksetId: string, limit: number): Promise<HttpProblem> {
  const counters = await readCounters(customerId, true);
  if (counters.status !== 'ACTIVE') {
    return new ForbiddenError(`Customer ${customerId} is not active (${counters.status ?? 'UNKNOWN'}); workset ${worksetId} cannot be retried until it is.`, {
      customer_status: counters.status ?? 'UNKNOWN',
    });
  }
  const used = Object.keys(counters.holders).length;
  return new QuotaExceededError(`${used} of ${limit} concurrent worksets in use; workset ${worksetId} can be retried when one finishes.`, {
    quota: 'max_concurrent_worksets',
    limit,
    used,
  });
}

/**
 * A member cancels: the workset ends `canceled` (its slot released in the
 * same write) and `daylily.ignore` tells the runner to skip the folder. A
 * repeated cancel writes the sentinel again, so a cancel whose sentinel could
 * not be written is finished by sending it again.
 */
export async function cancelWorkset(customerId: string, worksetId: string, by: string): Promise<WorksetRecord> {
  let record = await requireWorkset(customerId, worksetId);
  if (record.state !== 'canceled') {
    if (!canMove(record.state, 'canceled')) throw transitionRefused(record, 'canceled');
    const outcome = await transitionWorkset(record, { to: 'canceled', by, reason: 'Canceled by a member of the customer.' });
    if (!outcome.applied) throw new ConflictError(`Workset ${worksetId} changed meanwhile; read it again and retry.`);
    record = outcome.record;
  }
  await s3.send(
    new PutObjectCommand({ Bucket: record.bucket, Key: `${record.prefix}daylily.ignore`, Body: `${new Date().toISOString()}\ncanceled by ${by}\n`, ContentType: 'text/plain' }),
  );
  return record;
}

/**
 * A sentinel file appeared in a workset folder (an S3 object event). It moves
 * the workset as the runner's own rule says (the most advanced sentinel
 * wins): an event for a state no further than the current one, a duplicate,
 * one from an earlier attempt or one the machine does not allow changes
 * nothing. Answers what happened, for the log.
 */
export async function applySentinel(customerId: string, worksetId: string, sentinel: SentinelName, eventTime: Date): Promise<string> {
  const record = await getWorkset(customerId, worksetId);
  if (!record) return 'ignored: no such workset';
  const to = SENTINEL_STATES[sentinel];
  if (eventTime.getTime() < Date.parse(record.attempt_started_at) - 1000) return 'ignored: from an earlier attempt';
  if (sentinel === 'daylily.ready') {
    if (record.state !== 'pending') return 'ignored: already handed over';
  } else if ((PROGRESS[to] ?? 0) <= (PROGRESS[record.state] ?? 0)) {
    return `ignored: ${record.state} is as far as ${to}`;
  }
  if (!canMove(record.state, to)) return `ignored: ${record.state} cannot become ${to}`;
  const outcome = await transitionWorkset(record, {
    to,
    by: 'runner',
    reason: to === 'error' ? `The runner wrote ${sentinel}.` : undefined,
    // The history (and the compute time of a completed run) keeps when the runner wrote it, not when the event arrived.
    occurredAt: eventTime,
  });
  if (!outcome.applied) return 'ignored: changed meanwhile';
  logger.info('workset moved by a sentinel', { workset_id: worksetId, from: record.state, to });
  return `applied: ${record.state} → ${to}`;
}
