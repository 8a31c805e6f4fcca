import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { appendAudit } from '../audit/audit-log.ts';
import { s3 } from '../clients/s3.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { quotasOf } from '../customers/views.ts';
import { ConflictError, HttpProblem, QuotaExceededError, UnprocessableError, ValidationError } from '../http/errors.ts';
import type { Caller } from '../identity/caller.ts';
import { logger } from '../observability/logger.ts';
import { ACCEPTED_EXTENSIONS, sanitizeFastqFilename } from './filename.ts';
import { markCompleted, markRejected, requireUpload } from './repository.ts';
import { insertWithReservation, releaseReservation, StorageQuotaExceeded } from './reservations.ts';
import type { CreateUploadRequest } from './schemas.ts';
import { defaultUploadLimits, GIB, partSize, planUpload, type UploadLimits } from './upload-plan.ts';
import { uploadObjectKey, type UploadRecord } from './upload-record.ts';

/** Presigned URLs live 15 minutes. */
export const URL_EXPIRY_SECONDS = 15 * 60;
const RECORD_RETENTION_SECONDS = 7 * 24 * 60 * 60;

const limits: UploadLimits = {
  multipartThresholdBytes: intEnv(ENV.uploadMultipartThresholdBytes, defaultUploadLimits.multipartThresholdBytes),
  minPartBytes: intEnv(ENV.uploadMinPartBytes, defaultUploadLimits.minPartBytes),
};

export interface Uploader {
  readonly caller: Caller;
  readonly requestId: string;
}

/**
 * Hands out presigned URLs that put a FASTQ file straight into the customer's
 * bucket under `uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>`. The file's
 * bytes are reserved against the storage quota in the same write that checks
 * it (429 when they do not fit); the reservation turns into storage when the
 * object arrives, and is released if the upload is aborted, rejected or
 * never finished. Every URL signs the exact length it may carry.
 */
export async function createUpload(customer: CustomerItem, input: CreateUploadRequest, who: Uploader) {
  // Only a customer with a bucket takes uploads (a platform admin passes the guard on others too).
  if (customer.status !== 'ACTIVE' && customer.status !== 'INACTIVE') {
    throw new ConflictError(`Customer ${customer.customer_id} is ${customer.status}; it has no bucket to upload to.`, { customer_status: customer.status });
  }
  const filename = sanitizeFastqFilename(input.filename);
  if (!filename) {
    throw new ValidationError([
      { field: 'filename', message: `must be a FASTQ file name ending in ${ACCEPTED_EXTENSIONS.join(', ')}`, accepted: [...ACCEPTED_EXTENSIONS] },
    ]);
  }
  const now = new Date();
  const uploadId = `up-${randomBytes(12).toString('hex')}`;
  const key = uploadObjectKey(uploadId, filename, now);
  const plan = planUpload(input.size_bytes, limits);
  const checksum = input.sha256 ? Buffer.from(input.sha256, 'hex').toString('base64') : undefined;
  const object = {
    Bucket: customer.s3_bucket,
    Key: key,
    ...(input.content_type ? { ContentType: input.content_type } : {}),
  };

  let s3UploadId: string | undefined;
  if (plan.multipart) {
    const created = await s3.send(new CreateMultipartUploadCommand({ ...object, ...(checksum ? { ChecksumAlgorithm: 'SHA256' } : {}) }));
    s3UploadId = created.UploadId;
  }
  const urlExpiresAt = new Date(now.getTime() + URL_EXPIRY_SECONDS * 1000);
  const record: UploadRecord = {
    customer_id: customer.customer_id,
    upload_id: uploadId,
    bucket: customer.s3_bucket,
    key,
    filename,
    size_bytes: input.size_bytes,
    ...(input.sha256 ? { sha256: input.sha256.toLowerCase() } : {}),
    ...(input.content_type ? { content_type: input.content_type } : {}),
    multipart: plan.multipart,
    ...(plan.multipart ? { s3_upload_id: s3UploadId, part_size_bytes: plan.partSizeBytes, part_count: plan.partCount } : {}),
    state: 'PENDING',
    reserved_bytes: input.size_bytes,
    pending: 'pending',
    created_at: now.toISOString(),
    created_by: who.caller.userId,
    url_expires_at: urlExpiresAt.toISOString(),
    expires_at: Math.floor(urlExpiresAt.getTime() / 1000) + RECORD_RETENTION_SECONDS,
  };
  const storage = (await quotasOf(customer)).max_storage_gb;
  try {
    // In warn mode the quota admits anything, and says so when it is exceeded.
    await insertWithReservation(record, storage.mode === 'warn' ? Number.MAX_SAFE_INTEGER : storage.limit * GIB);
  } catch (error) {
    if (s3UploadId) await abortQuietly(record);
    if (error instanceof StorageQuotaExceeded) throw quotaExceeded(customer, storage.limit, input.size_bytes, error);
    throw error;
  }
  await appendAudit({
    customerId: customer.customer_id,
    action: 'upload.created',
    actor: who.caller.userId,
    actorEmail: who.caller.email,
    target: key,
    requestId: who.requestId,
    details: { upload_id: uploadId, size_bytes: input.size_bytes, multipart: plan.multipart },
  });

  const base = { ...toUploadView(record), expires_at: record.url_expires_at };
  if (!plan.multipart) {
    // If-None-Match: * makes the URL single-use: a replay would store a second copy
    // (a new version in a versioned bucket) that the reservation never covered.
    const command = new PutObjectCommand({ ...object, ContentLength: input.size_bytes, IfNoneMatch: '*', ...(checksum ? { ChecksumSHA256: checksum } : {}) });
    // Signed as headers, so the client must send exactly this length, type, condition and
    // checksum (and only those it was given: a signed header it cannot know would fail every upload).
    const url = await getSignedUrl(s3, command, {
      expiresIn: URL_EXPIRY_SECONDS,
      signableHeaders: new Set(['content-length', 'if-none-match', ...(input.content_type ? ['content-type'] : [])]),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return {
      ...base,
      method: 'PUT' as const,
      url,
      headers: {
        'Content-Length': String(input.size_bytes),
        'If-None-Match': '*',
        ...(input.content_type ? { 'Content-Type': input.content_type } : {}),
        ...(checksum ? { 'x-amz-checksum-sha256': checksum } : {}),
      },
    };
  }
  const parts = await Promise.all(
    Array.from({ length: plan.partCount }, async (_, i) => {
      const partNumber = i + 1;
      const bytes = partSize(plan, input.size_bytes, partNumber);
      const command = new UploadPartCommand({ Bucket: customer.s3_bucket, Key: key, UploadId: s3UploadId, PartNumber: partNumber, ContentLength: bytes });
      return {
        part_number: partNumber,
        size_bytes: bytes,
        method: 'PUT' as const,
        // Signed with its length: a part cannot carry more (or fewer) bytes than planned.
        url: await getSignedUrl(s3, command, { expiresIn: URL_EXPIRY_SECONDS, signableHeaders: new Set(['content-length']) }),
        headers: { 'Content-Length': String(bytes) },
      };
    }),
  );
  return {
    ...base,
    part_size_bytes: plan.partSizeBytes,
    parts,
    complete: `/customers/${customer.customer_id}/uploads/${uploadId}/complete`,
    abort: `/customers/${customer.customer_id}/uploads/${uploadId}/abort`,
  };
}

function quotaExceeded(customer: CustomerItem, limitGb: number, sizeBytes: number, refusal: StorageQuotaExceeded): QuotaExceededError {
  const { storage_bytes: stored, reserved_bytes: reserved } = refusal.usage;
  return new QuotaExceededError(
    `This upload of ${sizeBytes} bytes would take customer ${customer.customer_id} over its storage quota of ` +
      `${refusal.limitBytes} bytes (${limitGb} GiB): ${stored} bytes are stored and ${reserved} are reserved by uploads in progress.`,
    {
      quota: 'max_storage_gb',
      limit: limitGb,
      used: Math.round((stored / GIB) * 100) / 100,
      used_bytes: stored,
      reserved_bytes: reserved,
      limit_bytes: refusal.limitBytes,
      requested_bytes: sizeBytes,
      max_storage_gb: limitGb,
    },
  );
}

/**
 * Finishes a multipart upload from the part numbers and ETags the client
 * collected, then checks the object has the declared size: a different size
 * (parts left out) deletes that object version, releases the reservation and
 * answers 422.
 */
export async function completeUpload(customerId: string, uploadId: string, parts: readonly { part_number: number; etag: string }[]) {
  const record = await requireMultipart(customerId, uploadId);
  if (record.state === 'COMPLETED') return toUploadView(record);
  if (record.state !== 'PENDING') throw new ConflictError(`Upload ${uploadId} is ${record.state}; it cannot be completed.`);
  const tooHigh = parts.find((p) => p.part_number > (record.part_count ?? 0));
  if (tooHigh) {
    throw new ValidationError([{ field: 'parts', message: `part_number ${tooHigh.part_number} is beyond the ${record.part_count} parts of this upload` }]);
  }
  let versionId: string | undefined;
  try {
    const completed = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: record.bucket,
        Key: record.key,
        UploadId: record.s3_upload_id,
        MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.part_number, ETag: p.etag })) },
      }),
    );
    versionId = completed.VersionId;
  } catch (error) {
    const name = (error as Error).name;
    // An earlier attempt completed it and its answer was lost: the object is there under the upload's own key.
    if (name === 'NoSuchUpload' && (await completedEarlier(record))) return toUploadView(await markCompletedOnce(record, customerId, uploadId));
    if (['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'NoSuchUpload'].includes(name)) {
      throw new HttpProblem(400, 'Bad Request', `S3 refused to complete the upload (${name}): ${(error as Error).message}`, {}, { cause: error });
    }
    throw error;
  }
  const head = await s3.send(new HeadObjectCommand({ Bucket: record.bucket, Key: record.key, ...(versionId ? { VersionId: versionId } : {}) }));
  if (head.ContentLength !== record.size_bytes) {
    const reason = `The completed object has ${head.ContentLength} bytes, not the ${record.size_bytes} declared.`;
    await s3.send(new DeleteObjectCommand({ Bucket: record.bucket, Key: record.key, ...(versionId ? { VersionId: versionId } : {}) }));
    // If the object event converted the reservation first, the record still ends REJECTED.
    if (!(await releaseReservation(record, 'REJECTED', new Date(), reason))) await markRejected(record, reason, new Date());
    logger.warn('upload rejected: size mismatch', { upload_id: uploadId, declared: record.size_bytes, stored: head.ContentLength });
    throw new UnprocessableError(`${reason} The object was deleted; start a new upload.`);
  }
  return toUploadView(await markCompletedOnce(record, customerId, uploadId));
}

function markCompletedOnce(record: UploadRecord, customerId: string, uploadId: string): Promise<UploadRecord> {
  return markCompleted(record, new Date()).catch(async (error: unknown) => {
    // The object event may have completed it first.
    if (error instanceof ConflictError) return requireUpload(customerId, uploadId);
    throw error;
  });
}

/**
 * Whether the multipart upload S3 no longer knows was completed by an earlier
 * attempt: the record says so by now, or the object is at the upload's key
 * (keys carry the upload id, so nothing else writes there) with the declared size.
 */
async function completedEarlier(record: UploadRecord): Promise<boolean> {
  const now = await requireUpload(record.customer_id, record.upload_id);
  if (now.state === 'COMPLETED') return true;
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: record.bucket, Key: record.key }));
    return head.ContentLength === record.size_bytes;
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return false;
    throw error;
  }
}

export async function abortUpload(customerId: string, uploadId: string) {
  const record = await requireMultipart(customerId, uploadId);
  if (record.state !== 'PENDING') throw new ConflictError(`Upload ${uploadId} is already ${record.state}.`);
  try {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: record.bucket, Key: record.key, UploadId: record.s3_upload_id }));
  } catch (error) {
    // A concurrent abort or completion finished the multipart upload first: answer what it became.
    if ((error as Error).name !== 'NoSuchUpload') throw error;
    const now = await requireUpload(customerId, uploadId);
    if (now.state !== 'PENDING') throw new ConflictError(`Upload ${uploadId} is already ${now.state}.`);
  }
  await releaseReservation(record, 'ABORTED');
  return toUploadView(await requireUpload(customerId, uploadId));
}

/** Aborts a multipart upload whose record could not be written; S3's lifecycle rule is the backstop. */
async function abortQuietly(record: UploadRecord): Promise<void> {
  await s3
    .send(new AbortMultipartUploadCommand({ Bucket: record.bucket, Key: record.key, UploadId: record.s3_upload_id }))
    .catch((error: unknown) => logger.warn('could not abort an unrecorded multipart upload', { key: record.key, error: error as Error }));
}

async function requireMultipart(customerId: string, uploadId: string): Promise<UploadRecord> {
  const record = await requireUpload(customerId, uploadId);
  if (!record.multipart) throw new ConflictError(`Upload ${uploadId} is a single PUT; there is nothing to complete or abort.`);
  return record;
}

export function toUploadView(record: UploadRecord) {
  return {
    upload_id: record.upload_id,
    customer_id: record.customer_id,
    bucket: record.bucket,
    key: record.key,
    filename: record.filename,
    size_bytes: record.size_bytes,
    multipart: record.multipart,
    state: record.state,
    reserved_bytes: record.reserved_bytes,
    created_at: record.created_at,
    ...(record.completed_at ? { completed_at: record.completed_at } : {}),
    ...(record.state_reason ? { state_reason: record.state_reason } : {}),
  };
}
