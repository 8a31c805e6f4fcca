import { randomBytes } from 'node:crypto';
import { platformApiKeyValue } from '#shared/auth/usage-identifier.ts';
import { PLAN_NAMES, QUOTAS, type PlanName } from '#shared/quotas/declarations.ts';
import type { ThrottleLimits } from './token-bucket.ts';

/** A usage plan as the gateway applies it: its id, and its throttle if it sets one. */
export interface LocalUsagePlan {
  readonly id: string;
  readonly throttle?: ThrottleLimits;
}

/** An API key: its id (assigned at creation), its value, and the usage plan holding it, if any. */
export interface LocalApiKey {
  readonly id: string;
  readonly value: string;
  readonly usagePlanId?: string;
}

/** An API Gateway error a call on keys or usage plans answers, as CloudFormation reports it. */
export class UsagePlanError extends Error {}

/** The id of a plan's usage plan in the local stack. */
export function localUsagePlanId(plan: PlanName | 'platform'): string {
  return `local-${plan}`;
}

/**
 * The usage plans and API keys the local gateway throttles with: the platform stack's
 * plans (lib/constructs/usage-plans.ts: one per plan with its declared rate and burst,
 * and the platform plan, which sets no throttle, with the platform key), and the
 * customer keys the local provisioner creates, moves and deletes with customer stacks.
 */
export class LocalUsagePlans {
  private readonly plans = new Map<string, LocalUsagePlan>();
  private readonly keys = new Map<string, LocalApiKey>();

  /** What the platform stack deploys for the API `apiId`. */
  constructor(apiId: string) {
    for (const plan of PLAN_NAMES) {
      const throttle = { rateLimit: QUOTAS.requests_per_second.plans[plan], burstLimit: QUOTAS.burst.plans[plan] };
      this.plans.set(localUsagePlanId(plan), { id: localUsagePlanId(plan), throttle });
    }
    this.plans.set(localUsagePlanId('platform'), { id: localUsagePlanId('platform') });
    const platformKey = this.createKey(platformApiKeyValue(apiId));
    this.putKeyInPlan(platformKey.id, localUsagePlanId('platform'));
  }

  /** The usage plan id the platform stack exports for a plan (customer stacks import it). */
  exportedUsagePlanId(plan: PlanName): string {
    return localUsagePlanId(plan);
  }

  /** The key with this value, if there is one. */
  keyOf(value: string): LocalApiKey | undefined {
    return [...this.keys.values()].find((key) => key.value === value);
  }

  /** The usage plan of the key with this value: undefined when there is no such key or it is in no plan. */
  usagePlanOf(value: string): LocalUsagePlan | undefined {
    const planId = this.keyOf(value)?.usagePlanId;
    return planId === undefined ? undefined : this.plans.get(planId);
  }

  /** CreateApiKey: values are unique, a second key with the same value is refused. */
  createKey(value: string): LocalApiKey {
    if (this.keyOf(value)) throw new UsagePlanError('API Key already exists');
    const key = { id: randomBytes(5).toString('hex'), value };
    this.keys.set(key.id, key);
    return key;
  }

  /** CreateUsagePlanKey, or a key restored as a saved stack holds it. */
  putKeyInPlan(keyId: string, usagePlanId: string): void {
    const key = this.keys.get(keyId);
    if (!key) throw new UsagePlanError(`Invalid API Key identifier specified`);
    if (!this.plans.has(usagePlanId)) throw new UsagePlanError(`Invalid Usage Plan ID specified`);
    this.keys.set(keyId, { ...key, usagePlanId });
  }

  /** A key a saved stack created, as it was. */
  restoreKey(key: LocalApiKey): void {
    this.keys.set(key.id, key);
  }

  /** DeleteApiKey: the key leaves its usage plan with it. */
  deleteKey(keyId: string): void {
    this.keys.delete(keyId);
  }
}
