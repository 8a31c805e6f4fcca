import { QUOTA_NAMES, QUOTAS, type QuotaMode, type QuotaName, type QuotaValues } from './declarations.ts';

/** What a customer record says about its quotas. */
export interface QuotaSettings {
  readonly quota_overrides?: Partial<Record<QuotaName, number>>;
  readonly quota_modes?: Partial<Record<QuotaName, QuotaMode>>;
}

export interface EffectiveQuota {
  readonly limit: number;
  readonly source: 'plan' | 'override';
  readonly mode: QuotaMode;
}

export type EffectiveQuotas = Readonly<Record<QuotaName, EffectiveQuota>>;

/** A customer's limits: its override where it has one, else its plan's; `enforce` unless set to `warn`. */
export function effectiveQuotas(settings: QuotaSettings, plan: QuotaValues): EffectiveQuotas {
  return Object.fromEntries(
    QUOTA_NAMES.map((name) => {
      const override = settings.quota_overrides?.[name];
      const mode = QUOTAS[name].warnable ? (settings.quota_modes?.[name] ?? 'enforce') : 'enforce';
      return [name, { limit: override ?? plan[name], source: override === undefined ? 'plan' : 'override', mode }];
    }),
  ) as EffectiveQuotas;
}

/** Just the limits. */
export function limitsOf(quotas: EffectiveQuotas): QuotaValues {
  return Object.fromEntries(QUOTA_NAMES.map((name) => [name, quotas[name].limit])) as QuotaValues;
}
