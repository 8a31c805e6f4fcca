import { describe, expect, it } from 'vitest';
import { reconciliationOf, retryPlanOf, type StackState } from '#shared/customers/reconcile-rule.ts';
import type { CustomerStatus } from '#shared/customers/status.ts';

const customer = (status: CustomerStatus, token: string | undefined, statusReason?: string) => ({
  status,
  stack_operation_token: token,
  ...(statusReason ? { status_reason: statusReason } : {}),
});
const stack = (status: string, reason = ''): StackState => ({ status, reason });

const creating = customer('PROVISIONING', 'create-acme-a1b2c3d4-1');
const cleaningUp = customer('PROVISIONING', 'cleanup-acme-a1b2c3d4-2');
const offboarding = customer('OFFBOARDING', 'delete-acme-a1b2c3d4-1700000000000');

describe('reconciliationOf: a PROVISIONING customer whose create is under way', () => {
  it('becomes ACTIVE through the status it missed when the stack is CREATE_COMPLETE', () => {
    expect(reconciliationOf(creating, stack('CREATE_COMPLETE'))).toEqual({ kind: 'apply', status: 'CREATE_COMPLETE', reason: '' });
  });

  it('sends the same CreateStack again when CloudFormation has no stack', () => {
    expect(reconciliationOf(creating, undefined)).toEqual({ kind: 'send-create' });
  });

  it.each(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED', 'ROLLBACK_IN_PROGRESS'])('fails with the reason when the stack is %s', (status) => {
    expect(reconciliationOf(creating, stack(status, 'why'))).toEqual({ kind: 'apply', status, reason: 'why' });
  });

  it.each(['CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS'])('waits while the stack is %s', (status) => {
    expect(reconciliationOf(creating, stack(status))).toEqual({ kind: 'wait', stackStatus: status });
  });

  it('leaves a stack no create leaves to an operator', () => {
    expect(reconciliationOf(creating, stack('UPDATE_ROLLBACK_FAILED')).kind).toBe('nothing');
  });
});

describe('reconciliationOf: a PROVISIONING customer deleting the failed stack of its previous attempt', () => {
  it('moves on to the create once the stack is gone', () => {
    expect(reconciliationOf(cleaningUp, undefined)).toEqual({ kind: 'apply', status: 'DELETE_COMPLETE', reason: '' });
  });

  it.each(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED'])('sends DeleteStack again while the stack is still %s', (status) => {
    expect(reconciliationOf(cleaningUp, stack(status))).toEqual({ kind: 'send-delete' });
  });

  it('fails with the reason when the deletion failed', () => {
    expect(reconciliationOf(cleaningUp, stack('DELETE_FAILED', 'policy'))).toEqual({ kind: 'apply', status: 'DELETE_FAILED', reason: 'policy' });
  });

  it('waits while the deletion is under way', () => {
    expect(reconciliationOf(cleaningUp, stack('DELETE_IN_PROGRESS'))).toEqual({ kind: 'wait', stackStatus: 'DELETE_IN_PROGRESS' });
  });
});

describe('reconciliationOf: an OFFBOARDING customer', () => {
  it('becomes OFFBOARDED once the stack is gone', () => {
    expect(reconciliationOf(offboarding, undefined)).toEqual({ kind: 'apply', status: 'DELETE_COMPLETE', reason: '' });
  });

  it('records a failed deletion once, and does not retry it by itself', () => {
    const failed = stack('DELETE_FAILED', 'Bucket policy is locked');
    expect(reconciliationOf(offboarding, failed)).toEqual({ kind: 'apply', ...failed });
    const reported = customer('OFFBOARDING', offboarding.stack_operation_token, 'Stack DELETE_FAILED: Bucket policy is locked. Send DELETE again to retry.');
    expect(reconciliationOf(reported, failed).kind).toBe('nothing');
  });

  it('sends DeleteStack again when the stack is still there and not being deleted', () => {
    expect(reconciliationOf(offboarding, stack('CREATE_COMPLETE'))).toEqual({ kind: 'send-delete' });
    expect(reconciliationOf(offboarding, stack('ROLLBACK_COMPLETE'))).toEqual({ kind: 'send-delete' });
  });

  it('waits while the deletion is under way', () => {
    expect(reconciliationOf(offboarding, stack('DELETE_IN_PROGRESS'))).toEqual({ kind: 'wait', stackStatus: 'DELETE_IN_PROGRESS' });
  });
});

describe('reconciliationOf: customers with no operation of Portico under way', () => {
  it.each([
    customer('ACTIVE', undefined),
    customer('PROVISION_FAILED', 'create-acme-a1b2c3d4-1'),
    customer('PROVISIONING', 'Console-CreateStack-7f59c3cf'),
    customer('OFFBOARDING', 'create-acme-a1b2c3d4-1'),
  ])('does nothing for %j', (item) => {
    expect(reconciliationOf(item, stack('CREATE_COMPLETE')).kind).toBe('nothing');
  });
});

describe('retryPlanOf: how a new attempt after a failure starts', () => {
  it('creates at once when the name is free', () => {
    expect(retryPlanOf(undefined)).toEqual({ kind: 'start', firstStep: 'create' });
  });

  it.each(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED', 'DELETE_FAILED'])('deletes the failed stack first when it is %s', (status) => {
    expect(retryPlanOf(stack(status))).toEqual({ kind: 'start', firstStep: 'cleanup' });
  });

  it.each(['ROLLBACK_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'CREATE_IN_PROGRESS'])('waits while the stack is %s', (status) => {
    expect(retryPlanOf(stack(status))).toEqual({ kind: 'wait', stackStatus: status });
  });

  it('adopts a stack that turned out CREATE_COMPLETE, and refuses one nothing of Portico leaves', () => {
    expect(retryPlanOf(stack('CREATE_COMPLETE'))).toEqual({ kind: 'start', firstStep: 'create' });
    expect(retryPlanOf(stack('UPDATE_ROLLBACK_FAILED'))).toEqual({ kind: 'refuse', stackStatus: 'UPDATE_ROLLBACK_FAILED' });
  });
});
