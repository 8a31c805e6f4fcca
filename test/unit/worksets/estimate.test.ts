import { describe, expect, it } from 'vitest';
import {
  defaultEstimateRates,
  estimateWorkset,
  loadEstimateRates,
} from '#shared/worksets/index.ts';
import { configOf, daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

describe('estimateWorkset', () => {
  it('has the documented default rates', () => {
    expect(defaultEstimateRates).toEqual({
      computeHoursPerGbase: 1.2,
      storageGbPerGbase: 0.9,
      computeHourUsd: 0.025,
      storageGbMonthUsd: 0.023,
      storageMonths: 1,
    });
  });

  it('computes the worked example: one 30x hg38 germline sample', () => {
    // 30 × 3.1 = 93 Gbases; 93 × 1.2 × 1 = 111.6 h; 93 × 0.9 = 83.7 GB;
    // 111.6 × 0.025 = 2.79 USD; 83.7 × 0.023 = 1.9251 USD; total 4.7151 USD.
    expect(estimateWorkset(configOf(daylilyExampleRequest))).toEqual({
      compute_hours: 111.6,
      storage_gb: 83.7,
      cost_usd: 4.72,
      breakdown: { gbases: 93, compute_usd: 2.79, storage_usd: 1.93 },
    });
  });

  it('sums samples and applies the pipeline cost factor to compute only', () => {
    // (20 + 40) × 3.1 = 186 Gbases; × 1.2 × 1.5 = 334.8 h; × 0.9 = 167.4 GB;
    // 334.8 × 0.025 = 8.37; 167.4 × 0.023 = 3.8502; total 12.2202.
    const config = configOf(
      requestWith({
        samples: [pairedSample('a', 20), pairedSample('b', 40)],
        reference_genome: 'b37',
        pipeline: 'germline_wgs_snv_sv',
      }),
    );
    expect(estimateWorkset(config)).toEqual({
      compute_hours: 334.8,
      storage_gb: 167.4,
      cost_usd: 12.22,
      breakdown: { gbases: 186, compute_usd: 8.37, storage_usd: 3.85 },
    });
  });

  it('uses the rates it is given', () => {
    const rates = { ...defaultEstimateRates, computeHourUsd: 0.1, storageMonths: 3 };
    // 93 Gbases: 111.6 h × 0.1 = 11.16; 83.7 GB × 0.023 × 3 = 5.7753; total 16.9353.
    expect(estimateWorkset(configOf(daylilyExampleRequest), rates)).toEqual({
      compute_hours: 111.6,
      storage_gb: 83.7,
      cost_usd: 16.94,
      breakdown: { gbases: 93, compute_usd: 11.16, storage_usd: 5.78 },
    });
  });

  it('does not depend on priority, retries or estimated_coverage', () => {
    const base = estimateWorkset(configOf(daylilyExampleRequest));
    const other = configOf({ ...daylilyExampleRequest, priority: 'urgent', max_retries: 10, estimated_coverage: 900 });
    expect(estimateWorkset(other)).toEqual(base);
  });
});

describe('loadEstimateRates', () => {
  it('returns the defaults when WORKSET_ESTIMATE_RATES is unset or blank', () => {
    expect(loadEstimateRates({})).toBe(defaultEstimateRates);
    expect(loadEstimateRates({ WORKSET_ESTIMATE_RATES: '  ' })).toBe(defaultEstimateRates);
  });

  it('overrides the fields given and keeps the other defaults', () => {
    const rates = loadEstimateRates({ WORKSET_ESTIMATE_RATES: '{"computeHourUsd": 0.04, "storageMonths": 2}' });
    expect(rates).toEqual({ ...defaultEstimateRates, computeHourUsd: 0.04, storageMonths: 2 });
    expect(Object.isFrozen(rates)).toBe(true);
  });

  it('throws on JSON that does not parse', () => {
    expect(() => loadEstimateRates({ WORKSET_ESTIMATE_RATES: '{computeHourUsd: 1}' })).toThrow(
      /^WORKSET_ESTIMATE_RATES is not valid JSON: /,
    );
  });

  it('throws naming each bad field', () => {
    expect(() =>
      loadEstimateRates({ WORKSET_ESTIMATE_RATES: '{"computeHourUsd": -1, "storageGbPerGbase": "0.9", "gpuHourUsd": 2}' }),
    ).toThrow(
      'WORKSET_ESTIMATE_RATES is invalid: storageGbPerGbase: Invalid input: expected number, received string; computeHourUsd: Too small: expected number to be >=0; (root): Unrecognized key: "gpuHourUsd"',
    );
  });

  it('throws when the value is not an object', () => {
    expect(() => loadEstimateRates({ WORKSET_ESTIMATE_RATES: '[1]' })).toThrow(
      'WORKSET_ESTIMATE_RATES is invalid: (root): Invalid input: expected object, received array',
    );
  });
});
