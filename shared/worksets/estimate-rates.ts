import * as z from 'zod';

/** Env var holding a JSON object that overrides some or all of `defaultEstimateRates`. */
export const ESTIMATE_RATES_ENV = 'WORKSET_ESTIMATE_RATES';

/** The prices and yields `estimateWorkset` multiplies; see the formula in estimate.ts. */
export const estimateRatesSchema = z.strictObject({
  /** vCPU-hours per gigabase sequenced, for a pipeline with cost factor 1. */
  computeHoursPerGbase: z.number().positive(),
  /** GB stored per gigabase sequenced: FASTQ.gz in, alignments and variant calls out. */
  storageGbPerGbase: z.number().positive(),
  /** USD per vCPU-hour. */
  computeHourUsd: z.number().nonnegative(),
  /** USD per GB-month of object storage. */
  storageGbMonthUsd: z.number().nonnegative(),
  /** Months of storage the estimate pays for. */
  storageMonths: z.number().positive(),
});

export type EstimateRates = Readonly<z.infer<typeof estimateRatesSchema>>;

/**
 * Working assumptions, not measurements: ~1.2 vCPU-hours per gigabase (a 30×
 * hg38 genome ≈ 112 vCPU-hours) at a spot price of $0.025 per vCPU-hour;
 * ~0.9 GB stored per gigabase; S3 Standard at $0.023 per GB-month, one month.
 */
export const defaultEstimateRates: EstimateRates = Object.freeze({
  computeHoursPerGbase: 1.2,
  storageGbPerGbase: 0.9,
  computeHourUsd: 0.025,
  storageGbMonthUsd: 0.023,
  storageMonths: 1,
});

/**
 * The rates to use: the defaults, with any fields given in
 * WORKSET_ESTIMATE_RATES (JSON) replacing them. Throws on invalid JSON,
 * unknown fields or out-of-range values, so a bad deployment fails at start.
 */
export function loadEstimateRates(env: Readonly<Record<string, string | undefined>>): EstimateRates {
  const raw = env[ESTIMATE_RATES_ENV];
  if (raw === undefined || raw.trim() === '') return defaultEstimateRates;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${ESTIMATE_RATES_ENV} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = estimateRatesSchema.partial().safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${ESTIMATE_RATES_ENV} is invalid: ${problems.join('; ')}`);
  }
  return Object.freeze({ ...defaultEstimateRates, ...parsed.data });
}
