import { GetMetricDataCommand, ListMetricsCommand, type GetMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cloudwatch } from '#shared/clients/cloudwatch.ts';
import { readCounters } from '#shared/usage/counters.ts';
import { metrics, reconcileStorage } from '#shared/usage/storage-reconciliation.ts';
import { customerWithMember, localS3, runScheduledFunction } from '../../support/local-stack.ts';
import { usageWhenStored } from './usage-support.ts';

const MIB = 1024 * 1024;

/**
 * The daily storage reconciliation (issue 9, item 2) against DynamoDB Local,
 * with only CloudWatch mocked at the SDK boundary: it reads BucketSizeBytes
 * for every storage type (the latest data point by timestamp, whatever order
 * CloudWatch answers in) and NumberOfObjects, compares them with the counters'
 * sample of the same day, and corrects the counters by the difference, once.
 */
const cw = mockClient(cloudwatch);

const dims = (bucket: string, storageType: string) => [
  { Name: 'BucketName', Value: bucket },
  { Name: 'StorageType', Value: storageType },
];

function midnight(daysAgo: number): Date {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() - daysAgo * 86_400_000);
}

describe('storage reconciliation', () => {
  beforeEach(() => cw.reset());
  afterEach(() => vi.restoreAllMocks());

  it('corrects the counters by what CloudWatch saw beyond the day sample, across storage types, once', async () => {
    const { customer, member } = await customerWithMember();
    const { customer: steady } = await customerWithMember();
    const bucket = customer.s3_bucket as string;
    await localS3().send(new PutObjectCommand({ Bucket: bucket, Key: 'results/s1.bam', Body: Buffer.alloc(5 * MIB, 1) }));
    await usageWhenStored(customer.customer_id, member, 5 * MIB);
    await runScheduledFunction('usage.sampleStorage');

    // CloudWatch saw 8 MiB in Standard and 2 MiB moved to Infrequent Access (an event of 5 MiB was lost),
    // plus IA's billing overhead, which is not stored bytes. Yesterday's points come first: order must not matter.
    cw.on(ListMetricsCommand).resolves({
      Metrics: [
        { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims(bucket, 'StandardStorage') },
        { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims(bucket, 'StandardIAStorage') },
        { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims(bucket, 'StandardIASizeOverhead') },
        { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims(steady.s3_bucket, 'StandardStorage') },
        { Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims('someone-elses-bucket', 'StandardStorage') },
      ],
    });
    const points: Record<string, [number, number]> = {
      [`${bucket} StandardStorage BucketSizeBytes`]: [1 * MIB, 8 * MIB],
      [`${bucket} StandardIAStorage BucketSizeBytes`]: [0, 2 * MIB],
      [`${bucket} StandardIASizeOverhead BucketSizeBytes`]: [0, 128 * 1024],
      [`${bucket} AllStorageTypes NumberOfObjects`]: [1, 3],
      [`${steady.s3_bucket} StandardStorage BucketSizeBytes`]: [0, 0],
      [`${steady.s3_bucket} AllStorageTypes NumberOfObjects`]: [0, 0],
    };
    cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: (input.MetricDataQueries ?? []).map((query) => {
        const metric = query.MetricStat?.Metric;
        const name = `${metric?.Dimensions?.[0]?.Value} ${metric?.Dimensions?.[1]?.Value} ${metric?.MetricName}`;
        const [yesterday, today] = points[name] ?? [0, 0];
        return { Id: query.Id, Timestamps: [midnight(1), midnight(0)], Values: [yesterday, today], StatusCode: 'Complete' };
      }),
    }));
    const drift = vi.spyOn(metrics, 'addMetric');

    const now = new Date();
    const summary = await reconcileStorage(now);

    expect(summary.corrected).toBeGreaterThanOrEqual(1);
    const counters = await readCounters(customer.customer_id, true);
    expect(counters).toMatchObject({ storage_bytes: 10 * MIB, object_count: 3, committed_bytes: 10 * MIB });
    expect(counters.byClass).toMatchObject({ results: { bytes: 5 * MIB, objects: 1 }, other: { bytes: 5 * MIB, objects: 2 } });
    expect(counters.reconciled).toEqual({ at: now.toISOString(), day: midnight(0).toISOString().slice(0, 10), drift_bytes: 5 * MIB });
    expect(await readCounters(steady.customer_id, true)).toMatchObject({ storage_bytes: 0, reconciled: { drift_bytes: 0 } });
    expect(drift).toHaveBeenCalledWith('StorageDriftBytes', 'Bytes', expect.any(Number));

    // The exact requests: one listing of S3's size metrics, and for the buckets one GetMetricData with every storage type.
    expect(cw.commandCalls(ListMetricsCommand)[0]?.args[0].input).toEqual({ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', NextToken: undefined });
    const call = cw.commandCalls(GetMetricDataCommand).find((c) => JSON.stringify(c.args[0].input).includes(bucket));
    const input = call?.args[0].input;
    expect(input).toMatchObject({ ScanBy: 'TimestampDescending', EndTime: now, StartTime: new Date(now.getTime() - 3 * 86_400_000) });
    const queriesOf = (b: string) => input?.MetricDataQueries?.filter((q) => q.MetricStat?.Metric?.Dimensions?.[0]?.Value === b).map(({ Id: _id, ...q }) => q);
    const stat = (metric: string, storageType: string) => ({
      MetricStat: { Metric: { Namespace: 'AWS/S3', MetricName: metric, Dimensions: dims(bucket, storageType) }, Period: 86_400, Stat: 'Average' },
    });
    expect(queriesOf(bucket)).toEqual([
      stat('BucketSizeBytes', 'StandardStorage'),
      stat('BucketSizeBytes', 'StandardIAStorage'),
      stat('BucketSizeBytes', 'StandardIASizeOverhead'),
      stat('NumberOfObjects', 'AllStorageTypes'),
    ]);
    expect(JSON.stringify(cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input))).not.toContain('someone-elses-bucket');

    // The same day's figures again: nothing moves.
    await reconcileStorage(new Date());
    expect(await readCounters(customer.customer_id, true)).toMatchObject({ storage_bytes: 10 * MIB, object_count: 3 });
  });

  it('leaves a customer alone when there is no sample of the day CloudWatch reports, or no metrics at all', async () => {
    const { customer } = await customerWithMember();
    cw.on(ListMetricsCommand).resolves({ Metrics: [{ Namespace: 'AWS/S3', MetricName: 'BucketSizeBytes', Dimensions: dims(customer.s3_bucket, 'StandardStorage') }] });
    // A data point ten days old: the counters have no sample of that day.
    cw.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => ({
      MetricDataResults: (input.MetricDataQueries ?? []).map((query) => ({ Id: query.Id, Timestamps: [midnight(10)], Values: [50 * MIB] })),
    }));
    await reconcileStorage(new Date());
    expect(await readCounters(customer.customer_id, true)).toMatchObject({ storage_bytes: 0, object_count: 0 });
    expect((await readCounters(customer.customer_id, true)).reconciled).toBeUndefined();
  });
});
