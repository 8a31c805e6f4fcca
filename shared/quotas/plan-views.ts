import { PLAN_NAMES, QUOTA_NAMES, QUOTAS } from './declarations.ts';
import type { Plan } from './plans.ts';

/** Every quota as declared: what the plans' numbers mean. */
export const quotaCatalog = QUOTA_NAMES.map((name) => ({
  quota: name,
  unit: QUOTAS[name].unit,
  description: QUOTAS[name].description,
  min: QUOTAS[name].min,
  max: QUOTAS[name].max,
  enforced_at: QUOTAS[name].enforcedAt,
  warnable: QUOTAS[name].warnable,
}));

export function toPlanView(plan: Plan) {
  return {
    plan_id: plan.plan_id,
    quotas: plan.quotas,
    source: plan.source,
    ...(plan.updated_at ? { updated_at: plan.updated_at, updated_by: plan.updated_by } : {}),
  };
}

export function plansView(plans: Readonly<Record<string, Plan>>) {
  return { plans: PLAN_NAMES.map((name) => toPlanView(plans[name] as Plan)), quotas: quotaCatalog };
}
