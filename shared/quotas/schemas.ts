import * as z from 'zod';
import { PLAN_NAMES, QUOTA_NAMES, QUOTAS, SET_AT_DEPLOY_OVERRIDE, type QuotaDeclaration, type QuotaName } from './declarations.ts';

/** A limit of one quota, within its declared bounds. */
export function quotaValue(name: QuotaName) {
  const { min, max } = QUOTAS[name];
  return z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min.toLocaleString('en-US')}`)
    .max(max, `must be at most ${max.toLocaleString('en-US')}`);
}

type Fields<T> = { [Name in QuotaName]: T };

/** A customer's own limit of one quota: its bounds, and none at all for a quota set per plan at deploy. */
function overrideValue(name: QuotaName) {
  const declared: QuotaDeclaration = QUOTAS[name];
  return declared.setAtDeploy ? quotaValue(name).refine(() => false, SET_AT_DEPLOY_OVERRIDE) : quotaValue(name);
}

/** Every quota as an optional override (onboarding: what the body gives overrides the plan). */
export const quotaOverrideFields = Object.fromEntries(QUOTA_NAMES.map((name) => [name, overrideValue(name).optional()])) as Fields<
  z.ZodOptional<ReturnType<typeof quotaValue>>
>;

/** Every quota as a merge-patch field: a number sets the override, null removes it (back to the plan). */
export const quotaPatchFields = Object.fromEntries(QUOTA_NAMES.map((name) => [name, overrideValue(name).nullable().optional()])) as Fields<
  z.ZodOptional<z.ZodNullable<ReturnType<typeof quotaValue>>>
>;

/** `PUT /plans/{plan_id}`: every quota's limit on the plan. */
export const planBodySchema = z.strictObject({
  quotas: z.strictObject(Object.fromEntries(QUOTA_NAMES.map((name) => [name, quotaValue(name)])) as Fields<ReturnType<typeof quotaValue>>),
});

export const planParamSchema = z.enum(PLAN_NAMES);

/** `PATCH /customers/{id}/quotas`: per quota, a limit (null: the plan's again) and/or a mode. */
export const quotasPatchSchema = z
  .strictObject(
    Object.fromEntries(
      QUOTA_NAMES.map((name) => [
        name,
        z
          .strictObject({
            limit: overrideValue(name).nullable().optional(),
            mode: (QUOTAS[name].warnable
              ? z.enum(['enforce', 'warn'])
              : z.string().refine((mode) => mode === 'enforce', 'this quota is always enforced (its mode can only be enforce)')
            ).optional(),
          })
          .refine((change) => change.limit !== undefined || change.mode !== undefined, 'must set limit, mode or both')
          .optional(),
      ]),
    ) as unknown as Fields<z.ZodOptional<z.ZodType<{ limit?: number | null; mode?: 'enforce' | 'warn' }>>>,
  )
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one quota');

export type QuotasPatch = z.output<typeof quotasPatchSchema>;
