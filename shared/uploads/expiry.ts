import { AbortMultipartUploadCommand } from '@aws-sdk/client-s3';
import { s3 } from '../clients/s3.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv } from '../config/runtime.ts';
import { logger } from '../observability/logger.ts';
import { reservationsExpiredBefore } from './repository.ts';
import { releaseReservation } from './reservations.ts';

/**
 * How long after its URLs expire an upload may still hold its reservation: a
 * PUT that started just before expiry may still be sending gigabytes. After
 * that, a reservation nobody finished is released.
 */
export const RESERVATION_GRACE_SECONDS = intEnv(ENV.uploadReservationGraceSeconds, 60 * 60);
const BATCH = 100;

/**
 * Releases the storage reserved by uploads whose URLs expired more than the
 * grace period ago without their object arriving, and aborts their multipart
 * uploads. Each release is conditional on the reservation still being held,
 * so a run that overlaps another, or an object that arrives meanwhile,
 * releases nothing twice.
 */
export async function expireReservations(now = new Date()): Promise<{ released: number; examined: number }> {
  const expired = await reservationsExpiredBefore(new Date(now.getTime() - RESERVATION_GRACE_SECONDS * 1000), BATCH);
  let released = 0;
  for (const upload of expired) {
    if (upload.multipart && upload.state === 'PENDING') {
      await s3
        .send(new AbortMultipartUploadCommand({ Bucket: upload.bucket, Key: upload.key, UploadId: upload.s3_upload_id }))
        .catch((error: unknown) => {
          if ((error as Error).name !== 'NoSuchUpload') throw error;
        });
    }
    const state = upload.state === 'PENDING' ? 'EXPIRED' : upload.state;
    if (await releaseReservation(upload, state, now)) {
      released += 1;
      logger.info('upload reservation released', { customer_id: upload.customer_id, upload_id: upload.upload_id, bytes: upload.reserved_bytes });
    }
  }
  return { released, examined: expired.length };
}
