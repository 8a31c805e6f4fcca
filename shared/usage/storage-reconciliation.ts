import { GetMetricDataCommand, ListMetricsCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { cloudwatch } from '../clients/cloudwatch.ts';
import { dynamo } from '../clients/dynamodb.ts';
import { ENV } from '../config/env-vars.ts';
import { requireEnv, tableName } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { customerPages } from '../customers/all-customers.ts';
import { isConditionFailure } from '../dynamo/errors.ts';
import { logger } from '../observability/logger.ts';
import { usageMetrics } from '../observability/metrics.ts';
import { bucketFigures, type BucketFigures, type MetricSeries } from './bucket-metrics.ts';
import { COUNTER_RECORD, counterKey } from './counters.ts';
import { readMonths } from './monthly.ts';
import { classAttributes } from './prefix-class.ts';
import { counterDrift } from './storage-drift.ts';

export const metrics = usageMetrics;

/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;
/** S3 publishes storage metrics once a day, a day or two late: three days always hold the latest. */
const LOOKBACK_DAYS = 3;
/** Smaller differences are left alone: the day's sample is taken minutes after CloudWatch's snapshot, and uploads in between are not drift. */
export const MIN_CORRECTION_BYTES = 1024 * 1024;

/** Customer buckets are `<BUCKET_PREFIX>-<customer_id>`. */
function bucketPrefixFilter(): { has: (bucket: string) => boolean } {
  const prefix = `${requireEnv(ENV.bucketPrefix)}-`;
  return { has: (bucket) => bucket.startsWith(prefix) };
}

/** The storage types each customer bucket reports BucketSizeBytes for (ListMetrics lists only metrics with recent data). */
export async function storageTypesByBucket(buckets: { has: (bucket: string) => boolean }): Promise<Map<string, string[]>> {
  const types = new Map<string, string[]>();
  let nextToken: string | undefined;
  do {
    const page = await cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', NextToken: nextToken }));
    for (const metric of page.Metrics ?? []) {
      const bucket = metric.Dimensions?.find((d) => d.Name === 'BucketName')?.Value;
      const storageType = metric.Dimensions?.find((d) => d.Name === 'StorageType')?.Value;
      if (bucket && storageType && buckets.has(bucket)) types.set(bucket, [...(types.get(bucket) ?? []), storageType]);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return types;
}

function query(id: string, bucket: string, metric: MetricSeries['metric'], storageType: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/S3',
        MetricName: metric,
        Dimensions: [
          { Name: 'BucketName', Value: bucket },
          { Name: 'StorageType', Value: storageType },
        ],
      },
      Period: 86_400,
      Stat: 'Average',
    },
  };
}

/** Every storage type's BucketSizeBytes and NumberOfObjects of the buckets, over the last days. */
export async function readBucketSeries(storageTypes: ReadonlyMap<string, readonly string[]>, now: Date): Promise<MetricSeries[]> {
  const wanted: { query: MetricDataQuery; series: Omit<MetricSeries, 'points'> }[] = [];
  for (const [bucket, types] of storageTypes) {
    for (const storageType of types) {
      wanted.push({ query: query(`q${wanted.length}`, bucket, 'BucketSizeBytes', storageType), series: { bucket, metric: 'BucketSizeBytes', storageType } });
    }
    wanted.push({ query: query(`q${wanted.length}`, bucket, 'NumberOfObjects', 'AllStorageTypes'), series: { bucket, metric: 'NumberOfObjects', storageType: 'AllStorageTypes' } });
  }
  const series: MetricSeries[] = [];
  for (let start = 0; start < wanted.length; start += QUERIES_PER_CALL) {
    const chunk = wanted.slice(start, start + QUERIES_PER_CALL);
    const points = new Map<string, { timestamp: Date; value: number }[]>();
    let nextToken: string | undefined;
    do {
      const answer = await cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: chunk.map((w) => w.query),
          StartTime: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000),
          EndTime: now,
          ScanBy: 'TimestampDescending',
          NextToken: nextToken,
        }),
      );
      for (const result of answer.MetricDataResults ?? []) {
        const list = points.get(result.Id ?? '') ?? [];
        (result.Timestamps ?? []).forEach((timestamp, i) => list.push({ timestamp, value: result.Values?.[i] ?? 0 }));
        points.set(result.Id ?? '', list);
      }
      nextToken = answer.NextToken;
    } while (nextToken);
    for (const w of chunk) series.push({ ...w.series, points: points.get(w.query.Id ?? '') ?? [] });
  }
  return series;
}

export type ReconcileOutcome =
  | { readonly customer_id: string; readonly outcome: 'corrected' | 'within-tolerance'; readonly day: string; readonly drift_bytes: number; readonly drift_objects: number }
  | { readonly customer_id: string; readonly outcome: 'no-sample' | 'already-reconciled'; readonly day: string }
  | { readonly customer_id: string; readonly outcome: 'no-metrics' };

/** The counter item's running sums of corrections, read strongly (a Query: the function is granted no GetItem). */
async function correctionsNow(customerId: string): Promise<{ bytes: number; objects: number; recorded: boolean }> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: tableName('usage'),
      KeyConditionExpression: 'customer_id = :c AND #record = :counters',
      ExpressionAttributeNames: { '#record': 'record' },
      ExpressionAttributeValues: { ':c': customerId, ':counters': COUNTER_RECORD },
      ConsistentRead: true,
    }),
  );
  const item = Items?.[0];
  return { bytes: Number(item?.corrected_bytes ?? 0), objects: Number(item?.corrected_objects ?? 0), recorded: item?.corrected_bytes !== undefined };
}

/**
 * Compares a bucket's CloudWatch figures of day D with the counters' sample
 * of that same day (taken by the daily sampling), less what earlier
 * corrections moved the counters by since that sample (storage-drift.ts), and
 * moves the counters by the difference: events since then stay counted, and a
 * day's figures are applied once (`reconciled_day`). The drift goes to the
 * `other` prefix class, since CloudWatch cannot say where in the bucket it is.
 */
export async function reconcileCustomer(customer: CustomerItem, figures: BucketFigures | undefined, now: Date): Promise<ReconcileOutcome> {
  const customerId = customer.customer_id;
  if (!figures) return { customer_id: customerId, outcome: 'no-metrics' };
  const month = figures.day.slice(0, 7);
  const sample = (await readMonths(customerId, month, month)).get(month)?.sample(figures.day.slice(8, 10));
  if (!sample) {
    logger.info('No storage sample for the day CloudWatch reports; nothing to compare', { customer_id: customerId, day: figures.day });
    return { customer_id: customerId, outcome: 'no-sample', day: figures.day };
  }
  const corrected = await correctionsNow(customerId);
  const drift = counterDrift(figures, sample, corrected);
  const driftBytes = drift.bytes;
  const driftObjects = drift.objects;
  const correct = Math.abs(driftBytes) >= MIN_CORRECTION_BYTES;
  logger.info('Storage reconciled against CloudWatch', {
    customer_id: customerId,
    day: figures.day,
    cloudwatch_bytes: figures.bytes,
    counted_bytes: sample.bytes,
    corrected_since_bytes: sample.corrected_bytes === undefined ? 0 : corrected.bytes - sample.corrected_bytes,
    drift_bytes: driftBytes,
    drift_objects: driftObjects,
    by_storage_type: figures.byStorageType,
    corrected: correct,
  });
  const applied = correct ? { bytes: driftBytes, objects: driftObjects } : { bytes: 0, objects: 0 };
  const other = classAttributes('other');
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: tableName('usage'),
        Key: counterKey(customerId),
        UpdateExpression:
          'ADD storage_bytes :b, committed_bytes :b, object_count :o, #otherBytes :b, #otherObjects :o, corrected_bytes :b, corrected_objects :o SET reconciled_day = :day, reconciled_at = :now, reconciled_drift_bytes = :drift',
        // The corrections read are still the counter's: two runs never both apply the same drift.
        ConditionExpression: `attribute_exists(customer_id) AND (attribute_not_exists(reconciled_day) OR reconciled_day < :day) AND ${
          corrected.recorded ? 'corrected_bytes = :seen' : 'attribute_not_exists(corrected_bytes)'
        }`,
        ExpressionAttributeNames: { '#otherBytes': other.bytes, '#otherObjects': other.objects },
        ExpressionAttributeValues: {
          ':b': applied.bytes,
          ':o': applied.objects,
          ':day': figures.day,
          ':now': now.toISOString(),
          ':drift': driftBytes,
          ...(corrected.recorded ? { ':seen': corrected.bytes } : {}),
        },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return { customer_id: customerId, outcome: 'already-reconciled', day: figures.day };
    throw error;
  }
  return { customer_id: customerId, outcome: correct ? 'corrected' : 'within-tolerance', day: figures.day, drift_bytes: driftBytes, drift_objects: driftObjects };
}

export type ReconcileSummary = Record<ReconcileOutcome['outcome'], number> & { readonly drift_bytes: number };

/**
 * Once a day, every customer bucket against S3's own storage metrics, a page
 * of customers at a time. Each customer's drift is a log line with its id; the
 * metrics are fleet totals (a dimension per customer would be a metric per
 * customer, billed as such).
 */
export async function reconcileStorage(now = new Date()): Promise<ReconcileSummary> {
  const summary = { corrected: 0, 'within-tolerance': 0, 'no-sample': 0, 'already-reconciled': 0, 'no-metrics': 0, drift_bytes: 0 };
  const storageTypes = await storageTypesByBucket(bucketPrefixFilter());
  for await (const page of customerPages()) {
    const pageTypes = new Map(page.flatMap((customer) => (storageTypes.has(customer.s3_bucket) ? [[customer.s3_bucket, storageTypes.get(customer.s3_bucket) ?? []] as const] : [])));
    const figures = new Map(bucketFigures(await readBucketSeries(pageTypes, now)).map((f) => [f.bucket, f]));
    for (const customer of page) {
      const outcome = await reconcileCustomer(customer, figures.get(customer.s3_bucket), now);
      summary[outcome.outcome] += 1;
      if ('drift_bytes' in outcome) summary.drift_bytes += Math.abs(outcome.drift_bytes);
    }
  }
  metrics.addMetric('StorageDriftBytes', MetricUnit.Bytes, summary.drift_bytes);
  metrics.addMetric('CustomersCorrected', MetricUnit.Count, summary.corrected);
  metrics.addMetric('CustomersWithoutMetrics', MetricUnit.Count, summary['no-metrics']);
  metrics.publishStoredMetrics();
  logger.info('Storage reconciliation done', summary);
  return summary;
}
