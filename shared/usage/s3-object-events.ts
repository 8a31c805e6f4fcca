import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import { isCustomerId } from '../customers/customer-id.ts';
import { customerOfBucket } from '../customers/template-contract.ts';
import { logger } from '../observability/logger.ts';
import { findUpload, reservationRelease } from '../uploads/reservations.ts';
import { uploadIdOfKey } from '../uploads/upload-record.ts';
import { applySentinel } from '../workset-lifecycle/state-changes.ts';
import { sentinelAt } from '../worksets/runner-files/sentinels.ts';
import { malformedReason } from './event-shape.ts';
import { recordObjectDeleted, recordObjectStored, type ReservationRelease } from './storage-usage.ts';

const bucketPrefix = requireEnv(ENV.bucketPrefix);

/**
 * The EventBridge events S3 sends for a bucket with EventBridge notifications
 * on (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html).
 * `reason` tells a DeleteObject from a lifecycle expiration; both arrive as
 * either a permanent deletion or a delete marker.
 */
export interface S3ObjectEvent {
  readonly source: 'aws.s3';
  readonly 'detail-type': 'Object Created' | 'Object Deleted';
  /** When S3 emitted it (EventBridge's `time`). */
  readonly time?: string;
  readonly detail: {
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size?: number; readonly etag?: string; readonly 'version-id'?: string; readonly sequencer?: string };
    readonly reason?: string;
    readonly 'deletion-type'?: 'Permanently Deleted' | 'Delete Marker Created';
  };
}

/** The reservation of the upload this object completes, if it still holds one. */
async function uploadReservation(customerId: string, key: string): Promise<ReservationRelease | undefined> {
  const uploadId = uploadIdOfKey(key);
  const upload = uploadId ? await findUpload(customerId, uploadId) : undefined;
  return upload && upload.key === key ? reservationRelease(upload, new Date().toISOString()) : undefined;
}

export function customerIdOfBucket(bucket: string): string | undefined {
  return customerOfBucket(bucketPrefix, bucket, isCustomerId);
}

/**
 * Keeps the storage counter in step with the bucket, and moves worksets
 * whose folder got a sentinel file (DESIGN decision 6: the runner's sentinels
 * arrive by the same delivery as storage metering). A delete marker frees
 * nothing: the version it hides is still stored (and billed) until it is
 * deleted by version or expired by lifecycle, which arrives as its own
 * permanent deletion.
 */
export async function applyS3ObjectEvent(event: S3ObjectEvent): Promise<string> {
  const malformed = malformedReason(event);
  if (malformed) {
    logger.warn('S3 object event ignored: not one S3 sends', { why: malformed });
    return `ignored: ${malformed}`;
  }
  const customerId = customerIdOfBucket(event.detail.bucket.name);
  const { object } = event.detail;
  if (!customerId) return 'ignored: not a customer bucket';
  logger.appendKeys({ customer_id: customerId });
  const version = object['version-id'] ? { versionId: object['version-id'] } : {};
  const sequencer = object.sequencer ?? '0';
  if (event['detail-type'] === 'Object Created') {
    const stored = { customerId, key: object.key, size: object.size ?? 0, sequencer, ...version };
    const counted = await recordObjectStored(stored, await uploadReservation(customerId, object.key));
    const sentinel = sentinelAt(object.key);
    if (!sentinel) return counted;
    const moved = await applySentinel(customerId, sentinel.worksetId, sentinel.sentinel, new Date(event.time ?? Date.now()));
    return `${counted}; ${moved}`;
  }
  if (event.detail['deletion-type'] === 'Delete Marker Created') return 'ignored: delete marker';
  return recordObjectDeleted({ customerId, key: object.key, sequencer, ...version });
}
