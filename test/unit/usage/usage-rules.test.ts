import { describe, expect, it } from 'vitest';
import { bucketFigures, isOverheadStorageType } from '#shared/usage/bucket-metrics.ts';
import { historyQuerySchema } from '#shared/usage/history.ts';
import { daysInMonth, monthsBetween, storageGbMonths, toMonthUsage } from '#shared/usage/monthly.ts';
import { prefixClassOf } from '#shared/usage/prefix-class.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('prefix classes', () => {
  it('sorts keys by their first folder, anything else is other', () => {
    expect(prefixClassOf('uploads/a_R1.fastq.gz')).toBe('uploads');
    expect(prefixClassOf('worksets/ws-1/daylily.ready')).toBe('worksets');
    expect(prefixClassOf('results/s1/s1.bam')).toBe('results');
    expect(prefixClassOf('readme.txt')).toBe('other');
    expect(prefixClassOf('other/x')).toBe('other');
    expect(prefixClassOf('Uploads/a')).toBe('other');
    expect(prefixClassOf('uploadsx/a')).toBe('other');
  });
});

describe('bucket figures from CloudWatch', () => {
  it('sums every storage type but the overheads at the latest timestamp, whatever order the points come in', () => {
    const [figures] = bucketFigures([
      { bucket: 'b', metric: 'BucketSizeBytes', storageType: 'StandardStorage', points: [{ timestamp: day('2026-11-22'), value: 100 }, { timestamp: day('2026-11-21'), value: 90 }] },
      { bucket: 'b', metric: 'BucketSizeBytes', storageType: 'StandardIAStorage', points: [{ timestamp: day('2026-11-21'), value: 5 }, { timestamp: day('2026-11-22'), value: 40 }] },
      { bucket: 'b', metric: 'BucketSizeBytes', storageType: 'GlacierStorage', points: [{ timestamp: day('2026-11-20'), value: 7 }] },
      { bucket: 'b', metric: 'BucketSizeBytes', storageType: 'StandardIASizeOverhead', points: [{ timestamp: day('2026-11-22'), value: 1000 }] },
      { bucket: 'b', metric: 'NumberOfObjects', storageType: 'AllStorageTypes', points: [{ timestamp: day('2026-11-22'), value: 3 }] },
    ]);
    expect(figures).toEqual({
      bucket: 'b',
      day: '2026-11-22',
      timestamp: day('2026-11-22'),
      bytes: 140,
      objects: 3,
      byStorageType: { StandardStorage: 100, StandardIAStorage: 40 },
    });
  });

  it('reports nothing for a bucket without size points, and knows the overhead types', () => {
    expect(bucketFigures([{ bucket: 'b', metric: 'BucketSizeBytes', storageType: 'StandardStorage', points: [] }])).toEqual([]);
    expect(['StandardIASizeOverhead', 'GlacierObjectOverhead', 'DeepArchiveS3ObjectOverhead'].every(isOverheadStorageType)).toBe(true);
    expect(isOverheadStorageType('IntelligentTieringFAStorage')).toBe(false);
  });
});

describe('monthly usage', () => {
  it('turns daily samples into GB-months of the month they belong to', () => {
    const gib = 1024 ** 3;
    const usage = toMonthUsage('2026-02', { storage_byte_days: 28 * 10 * gib, sampled_days: new Set(['01']) });
    expect(storageGbMonths(usage)).toBe(10);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(storageGbMonths(toMonthUsage('2026-11', { storage_byte_days: 15 * gib }))).toBe(0.5);
  });

  it('lists the months of a range across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });

  it('defaults the history to the last twelve months and refuses long or reversed ranges', () => {
    const parsed = historyQuerySchema.parse({ to: '2026-03' });
    expect(parsed).toEqual({ from: '2025-04', to: '2026-03' });
    expect(historyQuerySchema.safeParse({ from: '2023-01', to: '2026-01' }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ from: '2026-02', to: '2026-01' }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ from: '2023-02', to: '2026-01' }).success).toBe(true);
  });
});
