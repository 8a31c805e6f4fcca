/**
 * S3's daily storage metrics of a bucket, as CloudWatch answers them, reduced
 * to one figure per bucket. Pure: the reconciliation's rule, tested on its own.
 *
 * `BucketSizeBytes` is published per storage type (StandardStorage,
 * StandardIAStorage, IntelligentTiering*, Glacier*, ...): reading one type
 * misses everything the lifecycle rules moved to Infrequent Access. The
 * `*Overhead` types are S3's billing minimums (128 KB per IA object, 40 KB of
 * Glacier index), not stored bytes, so they are left out, since the counters
 * count object sizes. CloudWatch answers data points in any order when asked
 * to: the latest is chosen by timestamp, never by position.
 */
export interface MetricSeries {
  readonly bucket: string;
  readonly metric: 'BucketSizeBytes' | 'NumberOfObjects';
  readonly storageType: string;
  readonly points: readonly { readonly timestamp: Date; readonly value: number }[];
}

export interface BucketFigures {
  readonly bucket: string;
  /** The day (`YYYY-MM-DD`, UTC) of the data point the figures are from. */
  readonly day: string;
  readonly timestamp: Date;
  readonly bytes: number;
  readonly objects: number | undefined;
  /** Bytes per storage type at that timestamp. */
  readonly byStorageType: Readonly<Record<string, number>>;
}

export function isOverheadStorageType(storageType: string): boolean {
  return /Overhead$/.test(storageType);
}

function latest(points: MetricSeries['points']) {
  return points.reduce<MetricSeries['points'][number] | undefined>((best, point) => (!best || point.timestamp > best.timestamp ? point : best), undefined);
}

/** One bucket's bytes (all storage types but the overheads) and objects at its latest data point. */
export function bucketFigures(series: readonly MetricSeries[]): BucketFigures[] {
  const byBucket = new Map<string, MetricSeries[]>();
  for (const one of series) byBucket.set(one.bucket, [...(byBucket.get(one.bucket) ?? []), one]);
  const figures: BucketFigures[] = [];
  for (const [bucket, all] of byBucket) {
    const sizes = all.filter((s) => s.metric === 'BucketSizeBytes' && !isOverheadStorageType(s.storageType));
    const newest = latest(sizes.flatMap((s) => s.points));
    if (!newest) continue;
    const at = newest.timestamp.getTime();
    const byStorageType: Record<string, number> = {};
    for (const s of sizes) {
      const point = s.points.find((p) => p.timestamp.getTime() === at);
      if (point) byStorageType[s.storageType] = point.value;
    }
    const objects = all.find((s) => s.metric === 'NumberOfObjects')?.points.find((p) => p.timestamp.getTime() === at)?.value;
    figures.push({
      bucket,
      day: newest.timestamp.toISOString().slice(0, 10),
      timestamp: newest.timestamp,
      bytes: Object.values(byStorageType).reduce((sum, value) => sum + value, 0),
      objects,
      byStorageType,
    });
  }
  return figures;
}
