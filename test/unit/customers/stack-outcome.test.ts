import { describe, expect, it } from 'vitest';
import { customerIdFromStackId, outcomeOf } from '#shared/customers/stack-outcome.ts';

describe('customerIdFromStackId', () => {
  it('reads the customer id from a customer stack ARN and ignores other stacks', () => {
    expect(customerIdFromStackId('arn:aws:cloudformation:us-east-1:123456789012:stack/portico-customer-acme-a1b2c3d4/4f1e')).toBe(
      'acme-a1b2c3d4',
    );
    expect(customerIdFromStackId('arn:aws:cloudformation:us-east-1:123456789012:stack/Portico/4f1e')).toBeUndefined();
    expect(customerIdFromStackId('not an arn')).toBeUndefined();
  });
});

describe('outcomeOf', () => {
  const create = 'create-acme-a1b2c3d4-1';

  it('maps a create operation to ACTIVE, or PROVISION_FAILED with the reason of the first failure status', () => {
    expect(outcomeOf('CREATE_COMPLETE', '', create)?.action).toBe('provisioned');
    const reason = 'The following resource(s) failed to create: [Bucket83908E77]. Rollback requested by user.';
    expect(outcomeOf('ROLLBACK_IN_PROGRESS', reason, create)).toEqual({
      action: 'provisionFailed',
      changes: { status_reason: `Stack ROLLBACK_IN_PROGRESS: ${reason}` },
    });
    expect(outcomeOf('ROLLBACK_COMPLETE', '', create)?.action).toBe('provisionFailed');
    expect(outcomeOf('CREATE_FAILED', 'Bucket exists', create)?.changes).toEqual({ status_reason: 'Stack CREATE_FAILED: Bucket exists' });
    expect(outcomeOf('CREATE_IN_PROGRESS', '', create)).toBeUndefined();
  });

  it('after the failed stack of the previous attempt is deleted, sends the create of the new attempt', () => {
    expect(outcomeOf('DELETE_COMPLETE', '', 'cleanup-acme-a1b2c3d4-2')).toEqual({
      action: 'failedStackRemoved',
      changes: { stack_operation_token: 'create-acme-a1b2c3d4-2' },
      then: 'create-stack',
    });
    expect(outcomeOf('DELETE_FAILED', 'Access denied', 'cleanup-acme-a1b2c3d4-2')).toEqual({
      action: 'provisionFailed',
      changes: {
        status_reason:
          'The failed stack of the previous attempt could not be deleted (Stack DELETE_FAILED: Access denied). Send POST /provision again to retry.',
      },
    });
    expect(outcomeOf('DELETE_IN_PROGRESS', '', 'cleanup-acme-a1b2c3d4-2')).toBeUndefined();
  });

  it('maps a delete operation to OFFBOARDED, or keeps OFFBOARDING with the reason', () => {
    expect(outcomeOf('DELETE_COMPLETE', '', 'delete-acme-a1b2c3d4-1700000000000')?.action).toBe('offboarded');
    expect(outcomeOf('DELETE_FAILED', 'Access denied', 'delete-acme-a1b2c3d4-1700000000000')).toEqual({
      action: 'offboardFailed',
      changes: { status_reason: 'Stack DELETE_FAILED: Access denied. Send DELETE again to retry.' },
    });
  });

  it('ignores operations Portico did not start', () => {
    expect(outcomeOf('DELETE_COMPLETE', '', 'Console-DeleteStack-7f59c3cf')).toBeUndefined();
    expect(outcomeOf('UPDATE_COMPLETE', '', 'update-acme-a1b2c3d4-1700000000000')).toBeUndefined();
    expect(outcomeOf('CREATE_COMPLETE', '', '')).toBeUndefined();
  });
});
