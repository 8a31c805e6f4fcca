import { CUSTOMER_STACK_PREFIX } from '../customers/template-contract.ts';

/**
 * The optional monthly AWS Budget of a customer: declared in the customer template
 * (lib/customer-template/customer-stack.ts), filled from the customer record by the
 * provisioner. Both parameters have defaults, so stacks created without them, and the
 * local provisioner, need nothing new.
 */
export const BUDGET_PARAMETERS = {
  /** Monthly cost budget in USD; `0` (the default) creates no budget. */
  monthlyBudgetUsd: 'MonthlyBudgetUsd',
  /** Who the budget alerts go to. */
  billingEmail: 'BillingEmail',
} as const;

/** The alerts every budget sends: 80 % of the month's limit spent, 100 % forecast. */
export const BUDGET_ALERTS = [
  { notificationType: 'ACTUAL', thresholdPercent: 80 },
  { notificationType: 'FORECASTED', thresholdPercent: 100 },
] as const;

/** The budget filters on the customer's cost-allocation tag: `user:Customer$<customer id>`. */
export const BUDGET_TAG_FILTER_PREFIX = 'user:Customer$';

/** Budgets are named like the customer's stack, so the stack role's grant covers `portico-customer-*`. */
export const BUDGET_NAME_PREFIX = CUSTOMER_STACK_PREFIX;

/**
 * The customer fields the budget reads. `monthly_budget_usd` and `billing_email` are
 * optional on the record: without `billing_email` alerts go to the customer's contact
 * `email`.
 */
export interface CustomerBudgetFields {
  readonly email: string;
  readonly monthly_budget_usd?: number;
  readonly billing_email?: string;
}

/** The budget in USD, to the cent, or undefined when the customer has none. */
export function monthlyBudgetOf(customer: CustomerBudgetFields): number | undefined {
  const amount = customer.monthly_budget_usd;
  if (amount === undefined || !Number.isFinite(amount)) return undefined;
  const cents = Math.round(amount * 100);
  return cents > 0 ? cents / 100 : undefined;
}

/**
 * The template parameters of the customer's budget: none when it has no budget. Leaving
 * them out lets CloudFormation use the defaults (no budget) on create and on update, so
 * a request for a customer without a budget is the same as before budgets existed.
 */
export function budgetParameters(customer: CustomerBudgetFields): { ParameterKey: string; ParameterValue: string }[] {
  const amount = monthlyBudgetOf(customer);
  if (amount === undefined) return [];
  const email = customer.billing_email?.trim() || customer.email;
  return [
    { ParameterKey: BUDGET_PARAMETERS.monthlyBudgetUsd, ParameterValue: String(amount) },
    { ParameterKey: BUDGET_PARAMETERS.billingEmail, ParameterValue: email },
  ];
}
