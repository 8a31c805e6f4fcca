import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { customerWithMember, deliverS3ObjectEvent, localS3 } from '../../support/local-stack.ts';
import { s3Event, usageOf, usageWhenStored } from './usage-support.ts';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Storage is counted from the bucket's object events (issue 9, item 1): end
 * to end through the local S3, and with recorded EventBridge shapes of a
 * versioned bucket (delete markers, permanent deletions, lifecycle
 * expirations), replayed, duplicated and out of order.
 */
describe('storage metering', () => {
  it('moves storage_gb by exactly the bytes uploaded, back by the bytes deleted, and ignores replays', async () => {
    const { customer, member } = await customerWithMember();
    const bucket = customer.s3_bucket as string;
    const objects = { 'uploads/s1_R1.fastq.gz': 3 * MIB, 'results/s1/s1.bam': 2 * MIB + 17, 'worksets/notes.txt': 1000, 'readme.txt': 10 };
    const total = Object.values(objects).reduce((a, b) => a + b, 0);
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 0, object_count: 0, storage_gb: 0 });

    for (const [key, size] of Object.entries(objects)) {
      await localS3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(size, 1) }));
    }
    const stored = await usageWhenStored(customer.customer_id, member, total);
    expect(stored).toMatchObject({
      customer_id: customer.customer_id,
      storage_gb: Math.round((total / GIB) * 100) / 100,
      object_count: 4,
      storage_by_prefix: {
        uploads: { bytes: 3 * MIB, object_count: 1 },
        results: { bytes: 2 * MIB + 17, object_count: 1 },
        worksets: { bytes: 1000, object_count: 1 },
        other: { bytes: 10, object_count: 1 },
      },
    });

    // A replay of an upload's event (older than what the ledger holds) counts nothing.
    for (const [key, size] of Object.entries(objects)) {
      expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size, 'version-id': undefined, sequencer: '1' }))).toBe('duplicate');
    }
    expect((await usageOf(customer.customer_id, member)).storage_bytes).toBe(total);

    for (const key of Object.keys(objects)) await localS3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const emptied = await usageWhenStored(customer.customer_id, member, 0);
    expect(emptied).toMatchObject({ object_count: 0, storage_gb: 0, storage_by_prefix: { uploads: { bytes: 0, object_count: 0 }, results: { bytes: 0, object_count: 0 } } });

    // Replayed deletions and creations of the deleted objects change nothing either.
    for (const key of Object.keys(objects)) {
      expect(await deliverS3ObjectEvent(s3Event('permanently-deleted', bucket, { key, 'version-id': undefined, sequencer: '2' }))).toBe('duplicate');
      expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size: 99, 'version-id': undefined, sequencer: '2' }))).toBe('duplicate');
    }
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 0, object_count: 0 });
  });

  it('counts versions in a versioned bucket: a delete marker frees nothing, a permanent deletion or lifecycle expiration frees its version', async () => {
    const { customer, member } = await customerWithMember();
    const bucket = customer.s3_bucket as string;
    const key = 'results/s1/s1.bam';
    const v1 = s3Event('object-created', bucket, { key, size: 1000, 'version-id': 'v1', sequencer: '617f08299329d189' });
    const v2 = s3Event('object-created', bucket, { key, size: 2500, 'version-id': 'v2', sequencer: '617f08299329d190' });
    expect(await deliverS3ObjectEvent(v1)).toBe('applied');
    expect(await deliverS3ObjectEvent(v2)).toBe('applied');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 3500, object_count: 2, storage_by_prefix: { results: { bytes: 3500, object_count: 2 } } });

    // DeleteObject without a version adds a delete marker: both versions are still stored (and billed).
    expect(await deliverS3ObjectEvent(s3Event('delete-marker-created', bucket, { key, 'version-id': 'marker1' }))).toBe('ignored: delete marker');
    expect((await usageOf(customer.customer_id, member)).storage_bytes).toBe(3500);

    // DeleteObject naming v1 removes it for good; its size comes from the ledger, the event has none.
    expect(await deliverS3ObjectEvent(s3Event('permanently-deleted', bucket, { key, 'version-id': 'v1', sequencer: '617f0837b476e464' }))).toBe('applied');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 2500, object_count: 1 });

    // Lifecycle expires v2 once it is noncurrent: a permanent deletion with reason "Lifecycle Expiration".
    const expired = s3Event('lifecycle-expiration', bucket, { key, 'version-id': 'v2', sequencer: '617f0837b476e470' });
    expect(expired.detail.reason).toBe('Lifecycle Expiration');
    expect(await deliverS3ObjectEvent(expired)).toBe('applied');
    // Lifecycle expiring a current version adds a delete marker: nothing freed.
    expect(await deliverS3ObjectEvent(s3Event('lifecycle-delete-marker', bucket, { key }))).toBe('ignored: delete marker');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 0, object_count: 0, storage_by_prefix: { results: { bytes: 0, object_count: 0 } } });

    // Every event again, in any order: nothing moves.
    for (const event of [expired, v2, v1, s3Event('permanently-deleted', bucket, { key, 'version-id': 'v1', sequencer: '617f0837b476e464' })]) {
      expect(['duplicate', 'ignored: delete marker']).toContain(await deliverS3ObjectEvent(event));
    }
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 0, object_count: 0 });
  });

  it('ignores a creation delivered after the deletion of the same version, and counts 20 parallel copies of one event once', async () => {
    const { customer, member } = await customerWithMember();
    const bucket = customer.s3_bucket as string;
    const key = 'uploads/late_R1.fastq.gz';
    expect(await deliverS3ObjectEvent(s3Event('permanently-deleted', bucket, { key, 'version-id': 'v9', sequencer: '0200' }))).toBe('unknown');
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size: 4096, 'version-id': 'v9', sequencer: '0100' }))).toBe('duplicate');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 0, object_count: 0 });

    const event = s3Event('object-created', bucket, { key: 'uploads/twice_R1.fastq.gz', size: 777, 'version-id': 'v1', sequencer: '0300' });
    const results = await Promise.all(Array.from({ length: 20 }, () => deliverS3ObjectEvent(event)));
    expect(results.filter((r) => r === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(19);
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 777, object_count: 1, storage_by_prefix: { uploads: { bytes: 777, object_count: 1 } } });
  });
});
