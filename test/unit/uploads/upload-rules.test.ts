import { describe, expect, it } from 'vitest';
import { sanitizeFastqFilename } from '#shared/uploads/filename.ts';
import { GIB, MAX_OBJECT_BYTES, MIB, partSize, planUpload } from '#shared/uploads/upload-plan.ts';
import { normalizeSequencer } from '#shared/usage/sequencer.ts';

describe('sanitizeFastqFilename', () => {
  it.each([
    ['NA12878_R1.fastq.gz', 'NA12878_R1.fastq.gz'],
    ['sample 1 (lane 2)_R1.fq', 'sample_1_lane_2_R1.fq'],
    ['../../etc/passwd_R1.fq.gz', 'passwd_R1.fq.gz'],
    ['C:\\data\\run7\\S1_R2.FQ.GZ', 'S1_R2.fq.gz'],
    ['...hidden_R1.fastq', 'hidden_R1.fastq'],
    ['Génome_R1.fq', 'G_nome_R1.fq'],
  ])('%j → %j', (name, expected) => {
    expect(sanitizeFastqFilename(name)).toBe(expected);
  });

  it.each([['reads.bam'], ['.fq'], ['___.fq.gz'], ['fq'], ['sample.fastq.gz.txt'], ['']])('refuses %j', (name) => {
    expect(sanitizeFastqFilename(name)).toBeUndefined();
  });

  it('keeps the extension when it cuts a long name to 200 characters', () => {
    const name = sanitizeFastqFilename(`${'a'.repeat(500)}.fastq.gz`);
    expect(name).toHaveLength(200);
    expect(name?.endsWith('.fastq.gz')).toBe(true);
  });
});

describe('planUpload', () => {
  it('uses one PUT up to 5 GiB', () => {
    expect(planUpload(1)).toEqual({ multipart: false });
    expect(planUpload(5 * GIB)).toEqual({ multipart: false });
  });

  it('uses 64 MiB parts just above 5 GiB, and parts of at most 5 GiB for the largest object', () => {
    expect(planUpload(5 * GIB + 1)).toEqual({ multipart: true, partSizeBytes: 64 * MIB, partCount: 81 });
    const largest = planUpload(MAX_OBJECT_BYTES);
    expect(largest).toEqual({ multipart: true, partSizeBytes: 5 * GIB, partCount: 1024 });
  });

  it('never plans more than 10,000 parts or parts over 5 GiB', () => {
    for (const size of [5 * GIB + 1, 100 * GIB, 1000 * GIB + 7, MAX_OBJECT_BYTES]) {
      const plan = planUpload(size);
      if (!plan.multipart) throw new Error('expected multipart');
      expect(plan.partCount).toBeLessThanOrEqual(10_000);
      expect(plan.partSizeBytes).toBeLessThanOrEqual(5 * GIB);
      expect(plan.partSizeBytes * (plan.partCount - 1)).toBeLessThan(size);
    }
  });

  it('gives every part the part size but the last, which holds the rest', () => {
    const plan = planUpload(20 * MIB + 3, { multipartThresholdBytes: 16 * MIB, minPartBytes: 5 * MIB });
    if (!plan.multipart) throw new Error('expected multipart');
    expect([1, 2, 3, 4, 5].map((n) => partSize(plan, 20 * MIB + 3, n))).toEqual([5 * MIB, 5 * MIB, 5 * MIB, 5 * MIB, 3]);
  });
});

describe('normalizeSequencer', () => {
  it('orders sequencers of different lengths as numbers', () => {
    expect(normalizeSequencer('FF') > normalizeSequencer('F')).toBe(true);
    expect(normalizeSequencer('0A1') < normalizeSequencer('a2')).toBe(true);
    expect(normalizeSequencer('abc')).toBe(normalizeSequencer('ABC'));
  });
});
