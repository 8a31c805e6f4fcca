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
  it('maps a create operation to ACTIVE or PROVISION_FAILED with the reason', () => {
    expect(outcomeOf('CREATE_COMPLETE', '', 'create-acme-a1b2c3d4-1')?.action).toBe('provisioned');
    expect(outcomeOf('CREATE_FAILED', 'Bucket exists', 'create-acme-a1b2c3d4-1')).toEqual({
      action: 'provisionFailed',
      changes: { status_reason: 'Stack CREATE_FAILED: Bucket exists' },
    });
    // With OnFailure=DELETE the failed stack is deleted: still a failed create, not an offboarding.
    expect(outcomeOf('DELETE_COMPLETE', '', 'create-acme-a1b2c3d4-1')?.action).toBe('provisionFailed');
    expect(outcomeOf('CREATE_IN_PROGRESS', '', 'create-acme-a1b2c3d4-1')).toBeUndefined();
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
  });
});
