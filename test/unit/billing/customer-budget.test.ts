import { describe, expect, it } from 'vitest';
import { BUDGET_PARAMETERS, budgetParameters, monthlyBudgetOf } from '#shared/billing/customer-budget.ts';

const customer = { email: 'admin@acme.com' };

describe('monthlyBudgetOf', () => {
  it('is undefined without a positive amount', () => {
    expect(monthlyBudgetOf(customer)).toBeUndefined();
    for (const amount of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 0.004]) {
      expect({ amount, budget: monthlyBudgetOf({ ...customer, monthly_budget_usd: amount }) }).toEqual({ amount, budget: undefined });
    }
  });

  it('is the amount to the cent', () => {
    expect(monthlyBudgetOf({ ...customer, monthly_budget_usd: 250 })).toBe(250);
    expect(monthlyBudgetOf({ ...customer, monthly_budget_usd: 12.345 })).toBe(12.35);
    expect(monthlyBudgetOf({ ...customer, monthly_budget_usd: 0.01 })).toBe(0.01);
  });
});

describe('budgetParameters', () => {
  it('sends nothing for a customer without a budget: the template defaults mean no budget', () => {
    expect(budgetParameters(customer)).toEqual([]);
    expect(budgetParameters({ ...customer, monthly_budget_usd: 0, billing_email: 'finance@acme.com' })).toEqual([]);
  });

  it('sends the amount and the billing email', () => {
    expect(budgetParameters({ ...customer, monthly_budget_usd: 1500, billing_email: 'finance@acme.com' })).toEqual([
      { ParameterKey: BUDGET_PARAMETERS.monthlyBudgetUsd, ParameterValue: '1500' },
      { ParameterKey: BUDGET_PARAMETERS.billingEmail, ParameterValue: 'finance@acme.com' },
    ]);
  });

  it("falls back to the customer's contact email without a billing email", () => {
    for (const billing_email of [undefined, '', '   ']) {
      expect(budgetParameters({ ...customer, monthly_budget_usd: 99.5, billing_email })).toEqual([
        { ParameterKey: 'MonthlyBudgetUsd', ParameterValue: '99.5' },
        { ParameterKey: 'BillingEmail', ParameterValue: 'admin@acme.com' },
      ]);
    }
  });
});

describe('stackParameters (the provisioner)', () => {
  const base = {
    customer_id: 'acme-1a2b3c4d',
    cost_center: 'CC-42',
    billing_account_id: 'BA-9',
    plan: 'standard',
    email: 'admin@acme.com',
  } as const;

  it('sends the budget parameters after the contract parameters, and nothing more without a budget', async () => {
    process.env['PORTICO_ENVIRONMENT'] = 'production';
    const { stackParameters } = await import('#shared/customers/provisioner.ts');
    type Customer = Parameters<typeof stackParameters>[0];
    const contract = [
      { ParameterKey: 'CustomerId', ParameterValue: 'acme-1a2b3c4d' },
      { ParameterKey: 'CostCenter', ParameterValue: 'CC-42' },
      { ParameterKey: 'BillingAccount', ParameterValue: 'BA-9' },
      { ParameterKey: 'Environment', ParameterValue: 'production' },
      { ParameterKey: 'NoncurrentVersionExpirationDays', ParameterValue: '30' },
      { ParameterKey: 'Plan', ParameterValue: 'standard' },
    ];

    expect(stackParameters(base as unknown as Customer)).toEqual(contract);
    expect(stackParameters({ ...base, monthly_budget_usd: 500 } as unknown as Customer)).toEqual([
      ...contract,
      { ParameterKey: 'MonthlyBudgetUsd', ParameterValue: '500' },
      { ParameterKey: 'BillingEmail', ParameterValue: 'admin@acme.com' },
    ]);
  });
});
