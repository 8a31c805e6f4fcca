/**
 * ## Workset estimate
 *
 * For a normalized config, with G the genome size of `reference_genome` in
 * gigabases (references registry; 3.1 for hg38 and b37) and F the cost factor
 * of the `pipeline` target (pipelines registry; germline_wgs_snv = 1):
 *
 * ```
 * gbases        = Σ over samples (coverage × G)                      bases sequenced, in Gbases
 * compute_hours = gbases × computeHoursPerGbase × F                  vCPU-hours
 * storage_gb    = gbases × storageGbPerGbase
 * compute_usd   = compute_hours × computeHourUsd
 * storage_usd   = storage_gb × storageGbMonthUsd × storageMonths
 * cost_usd      = compute_usd + storage_usd
 * ```
 *
 * Default rates (`defaultEstimateRates`, overridable with the JSON env var
 * `WORKSET_ESTIMATE_RATES`): computeHoursPerGbase 1.2, storageGbPerGbase 0.9,
 * computeHourUsd 0.025, storageGbMonthUsd 0.023, storageMonths 1.
 *
 * Every figure is computed from unrounded values, then rounded half up:
 * gbases, compute_hours and storage_gb to 0.1; USD to 0.01 (so the two
 * breakdown amounts may differ from cost_usd by a cent). Retries, priority
 * and `estimated_coverage` do not change the estimate.
 *
 * Worked example: one 30× sample, hg38, germline (→ germline_wgs_snv, F = 1):
 * gbases 93; compute_hours 111.6; storage_gb 83.7; compute_usd 2.79;
 * storage_usd 1.93 (1.9251); cost_usd 4.72 (4.7151).
 */
import type { EstimateRates } from './estimate-rates.ts';
import { defaultEstimateRates } from './estimate-rates.ts';
import { pipelineTargetNamed } from './registries/pipelines.ts';
import { referenceGenomeNamed } from './registries/references.ts';
import type { WorksetConfig } from './schema.ts';

export interface WorksetEstimate {
  readonly compute_hours: number;
  readonly storage_gb: number;
  readonly cost_usd: number;
  readonly breakdown: {
    readonly gbases: number;
    readonly compute_usd: number;
    readonly storage_usd: number;
  };
}

/** Compute hours, storage and cost of a normalized workset; the formula is at the top of this file. */
export function estimateWorkset(config: WorksetConfig, rates: EstimateRates = defaultEstimateRates): WorksetEstimate {
  const reference = referenceGenomeNamed(config.reference_genome);
  const pipeline = pipelineTargetNamed(config.pipeline);
  if (!reference || !pipeline) {
    throw new Error(`estimateWorkset needs a normalized config (got ${config.reference_genome}, ${config.pipeline})`);
  }
  const gbases = config.samples.reduce((sum, sample) => sum + sample.coverage * reference.genomeGbases, 0);
  const computeHours = gbases * rates.computeHoursPerGbase * pipeline.costFactor;
  const storageGb = gbases * rates.storageGbPerGbase;
  const computeUsd = computeHours * rates.computeHourUsd;
  const storageUsd = storageGb * rates.storageGbMonthUsd * rates.storageMonths;
  return {
    compute_hours: round(computeHours, 1),
    storage_gb: round(storageGb, 1),
    cost_usd: round(computeUsd + storageUsd, 2),
    breakdown: {
      gbases: round(gbases, 1),
      compute_usd: round(computeUsd, 2),
      storage_usd: round(storageUsd, 2),
    },
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
