/** Plans and what they give when the onboarding request does not say. */
export const PLANS = {
  free: { max_monthly_runs: 10 },
  premium: { max_monthly_runs: 500 },
  enterprise: { max_monthly_runs: 10_000 },
} as const;

export type PlanName = keyof typeof PLANS;
export const PLAN_NAMES = Object.keys(PLANS) as PlanName[];
export const DEFAULT_PLAN: PlanName = 'premium';
