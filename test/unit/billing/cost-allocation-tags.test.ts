import { describe, expect, it } from 'vitest';
import {
  activationOutcome,
  activationRequest,
  classifyActivationError,
  COST_ALLOCATION_TAG_KEYS,
  deniedReason,
} from '#shared/billing/cost-allocation-tags.ts';

/** An error shaped like the SDK's service exceptions. */
function serviceError(name: string, httpStatusCode: number | undefined, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode }, ...extra });
}

describe('activationRequest', () => {
  it('sets every key Active, in order', () => {
    expect(activationRequest(COST_ALLOCATION_TAG_KEYS)).toEqual({
      CostAllocationTagsStatus: [
        { TagKey: 'Customer', Status: 'Active' },
        { TagKey: 'CostCenter', Status: 'Active' },
        { TagKey: 'BillingAccount', Status: 'Active' },
        { TagKey: 'Environment', Status: 'Active' },
        { TagKey: 'Project', Status: 'Active' },
      ],
    });
  });

  it('refuses no key or more than Cost Explorer takes in one call (20)', () => {
    expect(() => activationRequest([])).toThrow(/between 1 and 20/);
    expect(() => activationRequest(Array.from({ length: 21 }, (_, i) => `k${i}`))).toThrow(/got 21/);
    expect(activationRequest(Array.from({ length: 20 }, (_, i) => `k${i}`)).CostAllocationTagsStatus).toHaveLength(20);
  });
});

describe('activationOutcome', () => {
  it('is all activated when the answer has no errors (empty or absent)', () => {
    expect(activationOutcome(['Customer', 'Project'], { Errors: [] })).toEqual({ activated: ['Customer', 'Project'], pending: [] });
    expect(activationOutcome(['Customer'], {})).toEqual({ activated: ['Customer'], pending: [] });
  });

  it('keeps keys with a per-key error pending, with its code and message, and the others activated', () => {
    const outcome = activationOutcome(COST_ALLOCATION_TAG_KEYS, {
      Errors: [
        { TagKey: 'Customer', Code: 'TagKeyNotFound', Message: 'Tag key Customer was not found' },
        { TagKey: 'BillingAccount' },
      ],
    });
    expect(outcome).toEqual({
      activated: ['CostCenter', 'Environment', 'Project'],
      pending: [
        { tagKey: 'Customer', code: 'TagKeyNotFound', message: 'Tag key Customer was not found' },
        { tagKey: 'BillingAccount', code: 'Unknown', message: '' },
      ],
    });
  });
});

describe('classifyActivationError', () => {
  it.each([
    ['AccessDeniedException', 400],
    ['AccessDenied', 403],
    ['UnauthorizedOperation', 400],
    ['SomethingNew', 403],
  ])('%s (HTTP %s) is denied: not the payer account, or no grant', (name, status) => {
    expect(classifyActivationError(serviceError(name, status))).toBe('denied');
  });

  it.each([
    ['LimitExceededException', 400],
    ['ThrottlingException', 400],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
  ])('%s (HTTP %s) is transient', (name, status) => {
    expect(classifyActivationError(serviceError(name, status))).toBe('transient');
  });

  it('takes an error the SDK marks retryable, and one with no HTTP answer at all, as transient', () => {
    expect(classifyActivationError(serviceError('Whatever', 400, { $retryable: { throttling: true } }))).toBe('transient');
    expect(classifyActivationError(Object.assign(new Error('connect ECONNREFUSED 52.94.0.1:443'), { name: 'Error' }))).toBe('transient');
    expect(classifyActivationError(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }))).toBe('transient');
  });

  it('takes anything else (a malformed request) as invalid', () => {
    expect(classifyActivationError(serviceError('ValidationException', 400))).toBe('invalid');
    expect(classifyActivationError(new TypeError('x is not a function'))).toBe('invalid');
    expect(classifyActivationError(undefined)).toBe('invalid');
  });
});

describe('deniedReason', () => {
  it('names the error, the payer account and the opt-out', () => {
    const reason = deniedReason(serviceError('AccessDeniedException', 400));
    expect(reason).toContain('AccessDeniedException: AccessDeniedException happened');
    expect(reason).toContain('payer (management) account');
    expect(reason).toContain('-c portico:activateCostTags=false');
  });
});
