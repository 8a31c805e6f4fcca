import { describe, expect, it } from 'vitest';
import type { CustomerItem, TemplateUpdate } from '#shared/customers/customer.ts';
import {
  createConfirmationLost,
  isStackBusy,
  nextBatch,
  patchUpdateOutcomeOf,
  patchUpdateTime,
  rolloutStateOf,
  rolloutToken,
  staleUpdateDecision,
  templateUpdateOutcomeOf,
} from '#shared/customers/rollout-rule.ts';

const V2 = 'b'.repeat(64);
const V1 = 'a'.repeat(64);

type Customer = Pick<CustomerItem, 'customer_id' | 'status' | 'template_version' | 'template_update'>;

function customer(id: string, fields: Partial<Customer> = {}): Customer {
  return { customer_id: id, status: 'ACTIVE', template_version: V1, ...fields };
}

function update(fields: Partial<TemplateUpdate> = {}): TemplateUpdate {
  return { token: 'rollout-acme-a1b2c3d4-1700000000000', version: V2, state: 'updating', attempts: 1, started_at: '2026-11-23T10:00:00.000Z', ...fields };
}

describe('rolloutStateOf', () => {
  it('puts a customer on the target up to date, whatever its status', () => {
    expect(rolloutStateOf(customer('a', { template_version: V2 }), V2)).toBe('up_to_date');
    expect(rolloutStateOf(customer('a', { template_version: V2, status: 'INACTIVE' }), V2)).toBe('up_to_date');
  });

  it('skips customers that are not ACTIVE, and counts one without a version as behind', () => {
    expect(rolloutStateOf(customer('a', { status: 'INACTIVE' }), V2)).toBe('skipped');
    expect(rolloutStateOf(customer('a', { status: 'PROVISIONING' }), V2)).toBe('skipped');
    expect(rolloutStateOf({ customer_id: 'a', status: 'ACTIVE' }, V2)).toBe('waiting');
  });

  it('reads the update towards the target only: an update of an earlier rollout or a create mark is not one', () => {
    expect(rolloutStateOf(customer('a', { template_update: update() }), V2)).toBe('updating');
    expect(rolloutStateOf(customer('a', { template_update: update({ state: 'failed', reason: 'x' }) }), V2)).toBe('failed');
    expect(rolloutStateOf(customer('a', { template_update: update({ version: V1 }) }), V2)).toBe('waiting');
    expect(rolloutStateOf(customer('a', { template_update: update({ token: 'create-acme-a1b2c3d4-1', attempts: 0 }) }), V2)).toBe('waiting');
  });

  it('knows an ACTIVE customer whose create towards the target lost its confirmation', () => {
    const created = customer('a', { template_version: undefined, template_update: update({ token: 'create-acme-a1b2c3d4-1', attempts: 0 }) });
    expect(createConfirmationLost(created, V2)).toBe(true);
    expect(createConfirmationLost({ ...created, status: 'PROVISIONING' }, V2)).toBe(false);
    expect(createConfirmationLost(customer('a', { template_update: update() }), V2)).toBe(false);
  });
});

describe('nextBatch', () => {
  const limits = { batchSize: 3, maxAttempts: 2 };

  it('fills the batch up to its size, counting updates already in flight', () => {
    const customers = [
      customer('busy', { template_update: update() }),
      customer('w1'),
      customer('w2'),
      customer('w3'),
      customer('done', { template_version: V2 }),
      customer('inactive', { status: 'INACTIVE' }),
    ];
    const plan = nextBatch(customers, V2, limits);
    expect(plan.inFlight).toBe(1);
    expect(plan.start.map((c) => c.customer_id)).toEqual(['w1', 'w2']);
  });

  it('retries failed customers with attempts left after new ones, the longest failed first, and never past the limit', () => {
    const failed = (id: string, attempts: number, at: string) =>
      customer(id, { template_update: update({ state: 'failed', attempts, finished_at: at, reason: 'Stack UPDATE_ROLLBACK_COMPLETE: x' }) });
    const customers = [failed('late', 1, '2026-11-23T10:05:00Z'), failed('early', 1, '2026-11-23T10:01:00Z'), failed('spent', 2, '2026-11-23T09:00:00Z'), customer('new')];
    expect(nextBatch(customers, V2, limits).start.map((c) => c.customer_id)).toEqual(['new', 'early', 'late']);
  });

  it('starts nothing while the batch is full', () => {
    const customers = [1, 2, 3].map((n) => customer(`u${n}`, { template_update: update() })).concat([customer('w')]);
    expect(nextBatch(customers, V2, limits)).toEqual({ start: [], inFlight: 3 });
  });
});

describe('templateUpdateOutcomeOf', () => {
  it('confirms UPDATE_COMPLETE and records every failed end of an update with its reason', () => {
    expect(templateUpdateOutcomeOf('UPDATE_COMPLETE', '')).toEqual({ kind: 'confirm' });
    expect(templateUpdateOutcomeOf('UPDATE_ROLLBACK_IN_PROGRESS', 'Bucket failed')).toEqual({ kind: 'failing', reason: 'Stack UPDATE_ROLLBACK_IN_PROGRESS: Bucket failed' });
    expect(templateUpdateOutcomeOf('UPDATE_ROLLBACK_COMPLETE', '')).toEqual({ kind: 'failed', reason: 'Stack UPDATE_ROLLBACK_COMPLETE: no reason given' });
    expect(templateUpdateOutcomeOf('UPDATE_FAILED', 'Denied')).toEqual({ kind: 'failed', reason: 'Stack UPDATE_FAILED: Denied' });
    expect(templateUpdateOutcomeOf('UPDATE_ROLLBACK_FAILED', 'Stuck')).toEqual({ kind: 'failed', reason: 'Stack UPDATE_ROLLBACK_FAILED: Stuck' });
  });

  it('has nothing to record for the steps between', () => {
    for (const status of ['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'CREATE_COMPLETE']) {
      expect(templateUpdateOutcomeOf(status, '')).toBeUndefined();
    }
  });

  it("reads a PATCH update's outcome and time from its token", () => {
    expect(patchUpdateOutcomeOf('UPDATE_COMPLETE', '')).toEqual({ failed: false });
    expect(patchUpdateOutcomeOf('UPDATE_ROLLBACK_COMPLETE', 'x')).toEqual({ failed: true, reason: 'Stack UPDATE_ROLLBACK_COMPLETE: x' });
    expect(patchUpdateOutcomeOf('UPDATE_ROLLBACK_IN_PROGRESS', 'x')).toEqual({ failed: true, reason: 'Stack UPDATE_ROLLBACK_IN_PROGRESS: x' });
    expect(patchUpdateOutcomeOf('UPDATE_IN_PROGRESS', '')).toBeUndefined();
    expect(patchUpdateTime('update-acme-a1b2c3d4-1700000000000')).toBe(1_700_000_000_000);
    expect(patchUpdateTime('rollout-acme-a1b2c3d4-1700000000000')).toBeUndefined();
    expect(patchUpdateTime('update-acme-a1b2c3d4-soon')).toBeUndefined();
  });
});

describe('staleUpdateDecision', () => {
  const claimed = { started_at: '2026-11-23T10:00:00.000Z' };

  it('takes the outcome of a stack updated since the claim', () => {
    expect(staleUpdateDecision(claimed, { status: 'UPDATE_COMPLETE', reason: '', updatedAt: '2026-11-23T10:00:01.000Z' })).toEqual({ kind: 'confirm' });
    expect(staleUpdateDecision(claimed, { status: 'UPDATE_ROLLBACK_COMPLETE', reason: '', updatedAt: '2026-11-23T10:00:01.000Z' })).toEqual({
      kind: 'failed',
      reason: 'Stack UPDATE_ROLLBACK_COMPLETE: no reason given',
    });
  });

  it('waits for an operation under way, and sends the update again to a stack not updated since', () => {
    expect(staleUpdateDecision(claimed, { status: 'UPDATE_IN_PROGRESS', reason: '', updatedAt: '2026-11-23T10:00:01.000Z' })).toEqual({ kind: 'wait' });
    expect(staleUpdateDecision(claimed, { status: 'CREATE_COMPLETE', reason: '' })).toEqual({ kind: 'resend' });
    expect(staleUpdateDecision(claimed, { status: 'UPDATE_COMPLETE', reason: '', updatedAt: '2026-11-23T09:00:00.000Z' })).toEqual({ kind: 'resend' });
  });

  it('fails an update of a stack that is gone', () => {
    expect(staleUpdateDecision(claimed, undefined)).toEqual({ kind: 'failed', reason: 'The customer stack does not exist.' });
  });
});

describe('tokens and refusals', () => {
  it('makes a rollout token per customer and moment, within CloudFormation limits', () => {
    const token = rolloutToken('acme-genomics-a1b2c3d4', new Date(1_700_000_000_000));
    expect(token).toBe('rollout-acme-genomics-a1b2c3d4-1700000000000');
    expect(token).toMatch(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$/);
  });

  it('tells a busy stack from a refusal', () => {
    expect(isStackBusy('Stack:arn:aws:cloudformation:us-east-1:1:stack/portico-customer-a/x is in UPDATE_IN_PROGRESS state and can not be updated.')).toBe(true);
    expect(isStackBusy('Parameter Plan must be one of AllowedValues')).toBe(false);
  });
});
