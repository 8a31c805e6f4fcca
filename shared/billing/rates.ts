import { ENV } from '../config/env-vars.ts';

/**
 * What the billing export charges, in USD, from configuration (context
 * `portico:billingRates`, env BILLING_RATES as JSON). Every rate defaults to
 * 0 but storage, which defaults to S3 Standard's list price: an estimate is
 * only as good as the rates an operator sets. Checked by hand rather than
 * with zod: the monthly job would otherwise bundle zod for six numbers.
 */
export interface BillingRates {
  readonly storage_gb_month_usd: number;
  readonly run_usd: number;
  readonly compute_hour_usd: number;
  readonly api_1000_requests_usd: number;
  /** A monthly fee per plan (`{ "standard": 99 }`); plans not named pay none. */
  readonly plan_monthly_usd: Readonly<Record<string, number>>;
  /**
   * The platform's own monthly cost that no tag can attribute (shared Lambda,
   * API Gateway, DynamoDB, Cognito, CloudWatch), apportioned to customers in
   * proportion to their API requests of the month.
   */
  readonly shared_platform_monthly_usd: number;
}

export const DEFAULT_BILLING_RATES: BillingRates = {
  storage_gb_month_usd: 0.023,
  run_usd: 0,
  compute_hour_usd: 0,
  api_1000_requests_usd: 0,
  plan_monthly_usd: {},
  shared_platform_monthly_usd: 0,
};

const isRate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads the rates once; a malformed value fails the function's start, not a month's export. */
export function billingRatesFrom(json: string | undefined): BillingRates {
  const fail = (why: string): never => {
    throw new Error(`${ENV.billingRates} is not valid: ${why}`);
  };
  const given = (json ? JSON.parse(json) : {}) as unknown;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return fail('must be a JSON object');
  const rates: Record<string, unknown> = { ...DEFAULT_BILLING_RATES };
  for (const [name, value] of Object.entries(given)) {
    if (!(name in DEFAULT_BILLING_RATES)) fail(`unknown rate '${name}' (known: ${Object.keys(DEFAULT_BILLING_RATES).join(', ')})`);
    if (name === 'plan_monthly_usd') {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every(isRate)) {
        fail('plan_monthly_usd must map plan names to amounts of at least 0');
      }
    } else if (!isRate(value)) fail(`${name} must be a number of at least 0`);
    rates[name] = value;
  }
  return rates as unknown as BillingRates;
}
