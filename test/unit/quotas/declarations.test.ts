import { describe, expect, it } from 'vitest';
import { declaredPlanQuotas, PLAN_NAMES, QUOTA_NAMES, QUOTAS, setAtDeployChanges } from '#shared/quotas/declarations.ts';
import { quotaOverrideFields, quotasPatchSchema } from '#shared/quotas/schemas.ts';

describe('quota declarations', () => {
  it('give every plan a default within bounds, and more on each plan up', () => {
    for (const name of QUOTA_NAMES) {
      const values = PLAN_NAMES.map((plan) => QUOTAS[name].plans[plan]);
      for (const value of values) expect(value >= QUOTAS[name].min && value <= QUOTAS[name].max).toBe(true);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
    }
  });

  it('set the request rate and burst at deploy: a plan edit must keep them, and no customer may override them', () => {
    const standard = declaredPlanQuotas('standard');

    expect(setAtDeployChanges('standard', { ...standard, max_runs_per_month: 7 })).toEqual([]);
    expect(setAtDeployChanges('standard', { ...standard, burst: 41, requests_per_second: 21 })).toEqual([
      { field: 'quotas.requests_per_second', message: expect.stringContaining('(20 on standard); change it there and run cdk deploy') },
      { field: 'quotas.burst', message: expect.stringContaining('(40 on standard)') },
    ]);
    expect(quotaOverrideFields.burst.safeParse(40).success).toBe(false);
    expect(quotaOverrideFields.max_storage_gb.safeParse(40).success).toBe(true);
    expect(quotasPatchSchema.safeParse({ requests_per_second: { limit: 5 } }).success).toBe(false);
    expect(quotasPatchSchema.safeParse({ max_runs_per_month: { limit: 5 } }).success).toBe(true);
  });
});
