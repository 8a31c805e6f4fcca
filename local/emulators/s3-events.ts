import type { EventEmitter } from 'node:events';
import type S3rver from 's3rver';
import type { S3ObjectEvent } from '#shared/usage/s3-object-events.ts';
import { EventDelivery } from '../provisioner/event-delivery.ts';

interface S3rverRecord {
  readonly eventName: string;
  readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string; readonly size?: number; readonly eTag?: string; readonly sequencer: string } };
}

/**
 * S3's sequencer orders the events of one key strictly. s3rver stamps
 * `Date.now()`, so a put and a delete in the same millisecond would tie and
 * the second would look like a replay of the first: stamp our own, strictly
 * increasing (microsecond-like, so it still reads as a time).
 */
let lastSequencer = 0n;
function nextSequencer(): string {
  const now = BigInt(Date.now()) * 1000n;
  lastSequencer = now > lastSequencer ? now : lastSequencer + 1n;
  return lastSequencer.toString(16).toUpperCase();
}

const REASONS: Record<string, string> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'POST Object',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectRemoved:Delete': 'DeleteObject',
};

/**
 * Turns s3rver's notification records into the EventBridge events S3 sends
 * for a bucket with EventBridge notifications on (the customer template turns
 * them on), and hands them to `deliver`, as EventBridge would. s3rver has no
 * versioning, so every deletion is permanent, as in an unversioned bucket.
 */
export function forwardS3Events(server: S3rver, deliver: (event: S3ObjectEvent) => Promise<unknown>): void {
  // Retried like an EventBridge target, then given up with a log line (where AWS uses the dead-letter queue).
  const delivery = new EventDelivery(deliver, {
    name: 'S3 object events',
    describe: (event: S3ObjectEvent) => `${event['detail-type']} ${event.detail.bucket.name}/${event.detail.object.key}`,
  });
  // S3rver is a Koa application, so an EventEmitter; its typings leave that out.
  (server as unknown as EventEmitter).on('event', (notification: { Records: S3rverRecord[] }) => {
    for (const record of notification.Records) {
      const { bucket, object } = record.s3;
      const time = new Date().toISOString();
      const sequencer = nextSequencer();
      const reason = REASONS[record.eventName] ?? record.eventName;
      const event: S3ObjectEvent = record.eventName.startsWith('ObjectCreated')
        ? {
            source: 'aws.s3',
            'detail-type': 'Object Created',
            time,
            detail: {
              bucket: { name: bucket.name },
              object: { key: object.key, size: object.size ?? 0, ...(object.eTag ? { etag: object.eTag } : {}), sequencer },
              reason,
            },
          }
        : {
            source: 'aws.s3',
            'detail-type': 'Object Deleted',
            time,
            detail: { bucket: { name: bucket.name }, object: { key: object.key, sequencer }, reason, 'deletion-type': 'Permanently Deleted' },
          };
      delivery.deliver(`${bucket.name}/${object.key}`, event);
    }
  });
}
