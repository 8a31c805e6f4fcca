import type { EventEmitter } from 'node:events';
import type S3rver from 's3rver';
import type { S3ObjectEvent } from '#shared/usage/s3-object-events.ts';
import { EventDelivery } from '../provisioner/event-delivery.ts';

interface S3rverRecord {
  readonly eventName: string;
  readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string; readonly size?: number; readonly eTag?: string; readonly sequencer: string } };
}

/**
 * Turns s3rver's notification records into the EventBridge events S3 sends
 * for a bucket with EventBridge notifications on (the customer template turns
 * them on), and hands them to `deliver`, as EventBridge would.
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
      const event: S3ObjectEvent = record.eventName.startsWith('ObjectCreated')
        ? {
            source: 'aws.s3',
            'detail-type': 'Object Created',
            time,
            detail: { bucket: { name: bucket.name }, object: { key: object.key, size: object.size ?? 0, sequencer: object.sequencer } },
          }
        : {
            source: 'aws.s3',
            'detail-type': 'Object Deleted',
            time,
            detail: { bucket: { name: bucket.name }, object: { key: object.key, sequencer: object.sequencer }, 'deletion-type': 'Permanently Deleted' },
          };
      delivery.deliver(`${bucket.name}/${object.key}`, event);
    }
  });
}
