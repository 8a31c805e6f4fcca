import { describe, expect, it } from 'vitest';
import { exportQuerySchema } from '#shared/billing/export-request.ts';
import { csvField } from '#shared/billing/export-rows.ts';
import { MAX_KEY_BYTES, malformedReason } from '#shared/usage/event-shape.ts';
import { historyQuerySchema } from '#shared/usage/history.ts';
import { counterDrift, type DaySample } from '#shared/usage/storage-drift.ts';
import { isDependencyFailure } from '#shared/http/dependency-failure.ts';
import { unprocessedKeysError } from '#shared/usage/storage-samples.ts';
import { ledgerRecord } from '#shared/usage/storage-usage.ts';

const MIB = 1024 * 1024;

/**
 * The daily schedule with one lost event of `lost` bytes: on day n the sample
 * (00:05), then the reconciliation of day n-1 (12:00), whose figures S3
 * publishes during day n. Answers what the counter is off by after each day.
 */
function simulate(rule: (figures: { bytes: number; objects: number }, sample: DaySample, corrected: { bytes: number; objects: number }) => { bytes: number }, lost: number, days: number): number[] {
  const real = 100 * MIB;
  let counter = real - lost;
  let corrected = 0;
  const samples: DaySample[] = [];
  const errors: number[] = [];
  for (let n = 0; n < days; n += 1) {
    samples.push({ bytes: counter, objects: 0, corrected_bytes: corrected, corrected_objects: 0 });
    if (n === 0) continue;
    const drift = rule({ bytes: real, objects: 0 }, samples[n - 1] as DaySample, { bytes: corrected, objects: 0 }).bytes;
    counter += drift;
    corrected += drift;
    errors.push(counter - real);
  }
  return errors;
}

describe('storage drift against CloudWatch', () => {
  it('converges after one lost event and stays converged, though each correction lands after the next sample', () => {
    expect(simulate(counterDrift, 5 * MIB, 15)).toEqual(Array(14).fill(0));
    expect(simulate(counterDrift, -7 * MIB, 15)).toEqual(Array(14).fill(0));
  });

  it('would swing for ever by the lost bytes if it compared CloudWatch with the sample alone (the rule before)', () => {
    const sampleOnly = (figures: { bytes: number }, sample: DaySample) => ({ bytes: figures.bytes - sample.bytes });
    const errors = simulate(sampleOnly, 5 * MIB, 13);
    expect(errors.slice(0, 6)).toEqual([0, 5 * MIB, 5 * MIB, 0, -5 * MIB, -5 * MIB]);
    expect(errors.slice(6, 12)).toEqual(errors.slice(0, 6));
  });

  it('subtracts only the corrections made since the sample, and reads a sample without that record as before', () => {
    expect(counterDrift({ bytes: 10, objects: 3 }, { bytes: 4, objects: 1, corrected_bytes: 2, corrected_objects: 1 }, { bytes: 5, objects: 1 })).toEqual({ bytes: 3, objects: 2 });
    expect(counterDrift({ bytes: 10, objects: undefined }, { bytes: 4, objects: 1 }, { bytes: 5, objects: 1 })).toEqual({ bytes: 6, objects: 0 });
  });
});

describe('S3 object events that S3 never sends', () => {
  const event = (object: Record<string, unknown>, type = 'Object Created') => ({ 'detail-type': type, detail: { bucket: { name: 'b' }, object } });

  it('accepts what S3 sends, with or without version and sequencer', () => {
    expect(malformedReason(event({ key: 'uploads/a', size: 0, sequencer: '617f08299329d189', 'version-id': 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e' }))).toBeUndefined();
    expect(malformedReason(event({ key: 'x'.repeat(MAX_KEY_BYTES), size: 5 * 1024 ** 4 }))).toBeUndefined();
    expect(malformedReason(event({ key: 'uploads/a' }, 'Object Deleted'))).toBeUndefined();
  });

  it('refuses sizes, sequencers, keys, versions and types that are not S3-shaped', () => {
    for (const size of [-1, 1.5, '12', Number.NaN, Infinity, 1e300, null, undefined]) expect({ size, why: malformedReason(event({ key: 'k', size })) }).toMatchObject({ why: expect.stringMatching(/size/) });
    for (const sequencer of ['', 'G1', '0x1', 'F'.repeat(33), 17, ' 1']) expect(malformedReason(event({ key: 'k', size: 1, sequencer }))).toMatch(/sequencer/);
    for (const key of ['', 'é'.repeat(513), 'a\uD800b', 42]) expect(malformedReason(event({ key, size: 1 }))).toMatch(/key/);
    for (const version of ['', 'v'.repeat(257), 7]) expect(malformedReason(event({ key: 'k', size: 1, 'version-id': version }))).toMatch(/version/);
    expect(malformedReason(event({ key: 'k', size: 1 }, 'Object Restore Completed'))).toMatch(/detail-type/);
    expect(malformedReason({ 'detail-type': 'Object Created', detail: { bucket: {}, object: { key: 'k', size: 1 } } })).toMatch(/bucket/);
    expect(malformedReason(null)).toBe('no detail');
  });
});

describe('the storage ledger of long keys', () => {
  it('fits every key S3 allows in a DynamoDB sort key (1,024 bytes), without two keys sharing a record', () => {
    const longest = `uploads/${'é'.repeat(508)}`;
    expect(Buffer.byteLength(longest)).toBe(1024);
    const record = ledgerRecord(longest, 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e');
    expect(Buffer.byteLength(record)).toBeLessThanOrEqual(1024);
    expect(record).toMatch(/^object-sha256#IYV3p45BT0ac8hjHg1houSdS1a\.Mro8e#[0-9a-f]{64}$/);
    expect(ledgerRecord(`${longest.slice(0, -1)}è`, 'v')).not.toBe(ledgerRecord(longest, 'v'));
    expect(ledgerRecord('uploads/a_R1.fastq.gz', undefined)).toBe('object#null#uploads/a_R1.fastq.gz');
  });
});

describe('a throttled DynamoDB under the fleet reads', () => {
  it('is a dependency failure (503 with Retry-After) when batch reads stay unprocessed, not a 500', () => {
    expect(isDependencyFailure(unprocessedKeysError(3, 10))).toBe(true);
    expect(isDependencyFailure(new Error('DynamoDB left 3 reads unprocessed after 10 attempts'))).toBe(false);
  });
});

describe('billing and history input', () => {
  it('defuses every formula prefix in CSV, including after quoting', () => {
    for (const text of ['=1', '+1', '-1', '@x', '\t=1', '\r=1']) expect(csvField(text).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('=HYPERLINK("x"),a')).toBe(`"'=HYPERLINK(""x""),a"`);
  });

  it('refuses periods and ranges that are not months as YYYY-MM, in ASCII digits', () => {
    for (const period of ['２０２６-01', '2026-01 ', ' 2026-01', '2026-1', '2026/01', '2026-01\n']) expect(exportQuerySchema.safeParse({ period }).success).toBe(false);
    for (const query of [{ from: '٢٠٢٦-01' }, { from: '2026-01', to: '2025-12' }, { from: '0001-01', to: '9999-12' }, { to: '2026-13' }]) expect(historyQuerySchema.safeParse(query).success).toBe(false);
  });
});
