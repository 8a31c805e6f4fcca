import { describe, expect, it } from 'vitest';
import { monthResetsAt, refusalProblem, tooManySamples, warningText } from '#shared/workset-lifecycle/refusals.ts';
import { isWorksetId, newWorksetId } from '#shared/workset-lifecycle/workset-id.ts';
import { WORKSET_ID_PATTERN } from '#shared/worksets/runner-files/index.ts';

describe('monthResetsAt', () => {
  it('is the first instant of the next month, across a year end', () => {
    expect(monthResetsAt('2026-11').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(monthResetsAt('2026-12').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('refusalProblem', () => {
  const now = new Date('2026-11-30T23:00:00Z');

  it('answers 403 for an inactive customer, naming its status', () => {
    const problem = refusalProblem('acme', { reason: 'inactive', status: 'INACTIVE' }, now);
    expect(problem.status).toBe(403);
    expect(problem.extensions).toEqual({ customer_status: 'INACTIVE' });
  });

  it('answers 429 with quota, limit and used for concurrency', () => {
    const problem = refusalProblem('acme', { reason: 'concurrency', limit: 10, used: 10 }, now);
    expect(problem.status).toBe(429);
    expect(problem.detail).toBe('10 of 10 concurrent worksets in use; submit again when one finishes.');
    expect(problem.extensions).toEqual({ quota: 'max_concurrent_worksets', limit: 10, used: 10 });
  });

  it('answers the monthly reset and the seconds until it', () => {
    const problem = refusalProblem('acme', { reason: 'monthly-runs', limit: 100, used: 100, month: '2026-11' }, now);
    expect(problem.extensions).toEqual({
      quota: 'max_runs_per_month',
      limit: 100,
      used: 100,
      resets_at: '2026-12-01T00:00:00.000Z',
      retry_after_seconds: 3600,
    });
    expect(problem.detail).toContain('the count starts again on 2026-12-01');
  });

  it('answers storage in GB', () => {
    const problem = refusalProblem('acme', { reason: 'storage', limitGb: 1000, usedGb: 1000.5 }, now);
    expect(problem.extensions).toEqual({ quota: 'max_storage_gb', limit: 1000, used: 1000.5 });
  });

  it('answers 422 for too many samples', () => {
    const problem = tooManySamples(10, 11);
    expect(problem.status).toBe(422);
    expect(problem.extensions).toEqual({ quota: 'max_samples_per_workset', limit: 10, used: 11 });
  });

  it('words each warning for the answer', () => {
    expect(warningText({ reason: 'monthly-runs', limit: 5, used: 7, month: '2026-11' })).toEqual({
      quota: 'max_runs_per_month',
      limit: 5,
      used: 7,
      detail: '7 of 5 runs were already used this month',
    });
  });
});

describe('workset ids', () => {
  it('sort by submission time and fit the runner folder pattern', () => {
    const early = newWorksetId(new Date('2026-01-01T00:00:00Z'), () => 'ffffffff');
    const late = newWorksetId(new Date('2026-11-23T00:00:00Z'), () => '00000000');
    expect(early < late).toBe(true);
    for (const id of [early, late]) {
      expect(isWorksetId(id)).toBe(true);
      expect(WORKSET_ID_PATTERN.test(id)).toBe(true);
    }
    expect(isWorksetId('ws-../../x')).toBe(false);
  });
});
