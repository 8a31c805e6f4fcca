import * as z from 'zod';
import { PLAN_NAMES, QUOTA_NAMES, QUOTAS, type QuotaName } from './declarations.ts';

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

/** Every quota as an optional override (onboarding: what the body gives overrides the plan). */
export const quotaOverrideFields = Object.fromEntries(QUOTA_NAMES.map((name) => [name, quotaValue(name).optional()])) as Fields<
  z.ZodOptional<ReturnType<typeof quotaValue>>
>;

/** Every quota as a merge-patch field: a number sets the override, null removes it (back to the plan). */
export const quotaPatchFields = Object.fromEntries(QUOTA_NAMES.map((name) => [name, quotaValue(name).nullable().optional()])) as Fields<
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
            limit: quotaValue(name).nullable().optional(),
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
