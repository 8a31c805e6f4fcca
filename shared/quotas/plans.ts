import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { tableName } from '../config/runtime.ts';
import { MEMBERSHIP_CACHE_SECONDS } from '../memberships/membership-lookup.ts';
import { cacheScope } from '../runtime/invocation.ts';
import { declaredPlanQuotas, PLAN_NAMES, QUOTA_NAMES, type PlanName, type QuotaValues } from './declarations.ts';

/**
 * Plans as data. A plan platform admins edited is an item of the plans table;
 * one never edited uses the declared defaults. Read through a short cache (an
 * edit reaches every function within MEMBERSHIP_CACHE_SECONDS).
 */
export interface Plan {
  readonly plan_id: PlanName;
  readonly quotas: QuotaValues;
  /** `declared` until a platform admin edits it. */
  readonly source: 'declared' | 'edited';
  readonly updated_at?: string;
  readonly updated_by?: string;
}

interface PlanItem {
  readonly plan_id: PlanName;
  readonly quotas: Partial<Record<string, number>>;
  readonly updated_at: string;
  readonly updated_by: string;
}

const cache = new Map<string, { plans: Readonly<Record<PlanName, Plan>>; expiresAt: number }>();

export async function allPlans(now = Date.now()): Promise<Readonly<Record<PlanName, Plan>>> {
  const cached = cache.get(cacheScope());
  if (cached && cached.expiresAt > now) return cached.plans;
  const table = tableName('plans');
  const items = new Map<string, PlanItem>();
  let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [table]: { Keys: PLAN_NAMES.map((plan_id) => ({ plan_id })) } };
  while (request && Object.keys(request).length > 0) {
    const result = await dynamo.send(new BatchGetCommand({ RequestItems: request }));
    for (const item of (result.Responses?.[table] ?? []) as PlanItem[]) items.set(item.plan_id, item);
    request = result.UnprocessedKeys as typeof request;
  }
  const plans = Object.fromEntries(PLAN_NAMES.map((name) => [name, toPlan(name, items.get(name))])) as Record<PlanName, Plan>;
  cache.set(cacheScope(), { plans, expiresAt: now + MEMBERSHIP_CACHE_SECONDS * 1000 });
  return plans;
}

function toPlan(name: PlanName, item: PlanItem | undefined): Plan {
  const declared = declaredPlanQuotas(name);
  if (!item) return { plan_id: name, quotas: declared, source: 'declared' };
  // A quota declared after the plan was edited takes its declared default.
  const quotas = Object.fromEntries(QUOTA_NAMES.map((q) => [q, typeof item.quotas[q] === 'number' ? item.quotas[q] : declared[q]])) as QuotaValues;
  return { plan_id: name, quotas, source: 'edited', updated_at: item.updated_at, updated_by: item.updated_by };
}

/** Replaces a plan's limits (every quota, already validated against its bounds). */
export async function savePlan(planId: PlanName, quotas: QuotaValues, actor: string, now = new Date()): Promise<Plan> {
  const item: PlanItem = { plan_id: planId, quotas, updated_at: now.toISOString(), updated_by: actor };
  await dynamo.send(new PutCommand({ TableName: tableName('plans'), Item: item }));
  cache.delete(cacheScope());
  return toPlan(planId, item);
}
