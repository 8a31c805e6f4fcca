/**
 * Every quota Portico knows, declared once: its unit, bounds, default per
 * plan, default mode and where it is enforced. Customer schemas, onboarding
 * defaults, statistics, the quotas API, the plans table's defaults and the
 * API Gateway usage plans all derive from this list, so adding a quota is one
 * entry here plus its enforcement.
 */
export const PLAN_NAMES = ['free', 'standard', 'premium', 'enterprise'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];
export const DEFAULT_PLAN: PlanName = 'standard';

export type QuotaMode = 'enforce' | 'warn';

export interface QuotaDeclaration {
  readonly unit: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  /** Default limit on each plan. */
  readonly plans: Readonly<Record<PlanName, number>>;
  /** Where the limit is checked, for the quotas API and the README. */
  readonly enforcedAt: string;
  /** Whether a customer may have it in `warn` mode (admit, log, say so). */
  readonly warnable: boolean;
  /**
   * Applied by the plan's API Gateway usage plan, which `cdk deploy` creates
   * from these declarations: no customer override, and a plan's value is
   * changed here and deployed, not through `PUT /plans`.
   */
  readonly setAtDeploy?: true;
}

/**
 * Defaults follow the DeepLens tiers (free 1 GB, premium 100 GB, enterprise
 * 1,000 GB) scaled to genomics data, with a standard tier between free and premium.
 */
export const QUOTAS = {
  max_concurrent_worksets: {
    unit: 'worksets',
    description: 'Worksets admitted and not yet finished (ready, locked, in progress, retrying)',
    min: 1,
    max: 1000,
    plans: { free: 1, standard: 5, premium: 20, enterprise: 100 },
    enforcedAt: 'workset admission: one conditional write on the customer counter item (429)',
    warnable: true,
  },
  max_runs_per_month: {
    unit: 'runs',
    description: 'Worksets admitted in the current calendar month (UTC); the count starts again on the 1st',
    min: 1,
    max: 1_000_000,
    plans: { free: 10, standard: 100, premium: 500, enterprise: 10_000 },
    enforcedAt: 'workset admission: the same conditional write (429 with the reset date)',
    warnable: true,
  },
  max_storage_gb: {
    unit: 'GB',
    description: 'Bytes stored in the customer bucket, in GiB',
    min: 1,
    max: 1_000_000,
    plans: { free: 10, standard: 1_000, premium: 5_000, enterprise: 100_000 },
    enforcedAt: 'upload reservation and workset admission (429)',
    warnable: true,
  },
  max_samples_per_workset: {
    unit: 'samples',
    description: 'Samples (sequencing units) in one workset',
    min: 1,
    max: 1000,
    plans: { free: 10, standard: 100, premium: 500, enterprise: 1000 },
    enforcedAt: 'workset submission (422)',
    warnable: false,
  },
  requests_per_second: {
    unit: 'requests/s',
    description: 'Steady API request rate on customer-scoped routes',
    min: 1,
    max: 10_000,
    plans: { free: 5, standard: 20, premium: 50, enterprise: 200 },
    enforcedAt: "API Gateway usage plan of the customer's plan (best effort; 429)",
    warnable: false,
    setAtDeploy: true,
  },
  burst: {
    unit: 'requests',
    description: 'API requests allowed at once above the steady rate',
    min: 1,
    max: 5_000,
    plans: { free: 10, standard: 40, premium: 100, enterprise: 400 },
    enforcedAt: "API Gateway usage plan of the customer's plan (best effort; 429)",
    warnable: false,
    setAtDeploy: true,
  },
} as const satisfies Record<string, QuotaDeclaration>;

export type QuotaName = keyof typeof QUOTAS;
export const QUOTA_NAMES = Object.keys(QUOTAS) as QuotaName[];

/** Limits per quota: a plan's, or a customer's effective ones. */
export type QuotaValues = Readonly<Record<QuotaName, number>>;

export function declaredPlanQuotas(plan: PlanName): QuotaValues {
  return Object.fromEntries(QUOTA_NAMES.map((name) => [name, QUOTAS[name].plans[plan]])) as QuotaValues;
}

export function isQuotaName(value: string): value is QuotaName {
  return (QUOTA_NAMES as readonly string[]).includes(value);
}

/** Why a customer cannot override a quota set at deploy. */
export const SET_AT_DEPLOY_OVERRIDE = "is applied per plan by the plan's API Gateway usage plan; a customer cannot override it";

/** Field errors for plan limits a `PUT /plans` would change but only a deploy can (their usage plan is deployed). */
export function setAtDeployChanges(plan: PlanName, quotas: QuotaValues): { field: string; message: string }[] {
  return QUOTA_NAMES.flatMap((name) => {
    const declared: QuotaDeclaration = QUOTAS[name];
    if (!declared.setAtDeploy || quotas[name] === declared.plans[plan]) return [];
    return [
      {
        field: `quotas.${name}`,
        message: `is applied by the plan's API Gateway usage plan, deployed from shared/quotas/declarations.ts (${declared.plans[plan]} on ${plan}); change it there and run cdk deploy`,
      },
    ];
  });
}
