import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { appendAudit } from '../audit/audit-log.ts';
import { s3 } from '../clients/s3.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import type { Caller } from '../http/caller.ts';
import { ConflictError, HttpProblem, QuotaExceededError, ValidationError } from '../http/errors.ts';
import { readStorageUsage } from '../usage/storage-usage.ts';
import { ACCEPTED_EXTENSIONS, sanitizeFastqFilename } from './filename.ts';
import { finishUpload, insertUpload, requireUpload } from './repository.ts';
import type { CreateUploadRequest } from './schemas.ts';
import { defaultUploadLimits, GIB, partSize, planUpload, type UploadLimits } from './upload-plan.ts';
import type { UploadRecord } from './upload-record.ts';

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
 * bucket under `uploads/<yyyy>/<mm>/<dd>/<random>/<filename>`. Refused with 429
 * if the file would take the customer over its storage quota.
 */
export async function createUpload(customer: CustomerItem, input: CreateUploadRequest, who: Uploader) {
  const filename = sanitizeFastqFilename(input.filename);
  if (!filename) {
    throw new ValidationError([
      { field: 'filename', message: `must be a FASTQ file name ending in ${ACCEPTED_EXTENSIONS.join(', ')}`, accepted: [...ACCEPTED_EXTENSIONS] },
    ]);
  }
  await assertWithinStorageQuota(customer, input.size_bytes);

  const now = new Date();
  const uploadId = `up-${randomBytes(12).toString('hex')}`;
  const day = now.toISOString().slice(0, 10).split('-').join('/');
  const key = `uploads/${day}/${randomBytes(8).toString('hex')}/${filename}`;
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
    created_at: now.toISOString(),
    created_by: who.caller.userId,
    url_expires_at: urlExpiresAt.toISOString(),
    expires_at: Math.floor(urlExpiresAt.getTime() / 1000) + RECORD_RETENTION_SECONDS,
  };
  await insertUpload(record);
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
    const command = new PutObjectCommand({ ...object, ContentLength: input.size_bytes, ...(checksum ? { ChecksumSHA256: checksum } : {}) });
    // Signed as headers, so the client must send exactly this length, type and checksum.
    const url = await getSignedUrl(s3, command, {
      expiresIn: URL_EXPIRY_SECONDS,
      signableHeaders: new Set(['content-length', 'content-type']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return {
      ...base,
      method: 'PUT' as const,
      url,
      headers: {
        'Content-Length': String(input.size_bytes),
        ...(input.content_type ? { 'Content-Type': input.content_type } : {}),
        ...(checksum ? { 'x-amz-checksum-sha256': checksum } : {}),
      },
    };
  }
  const parts = await Promise.all(
    Array.from({ length: plan.partCount }, async (_, i) => {
      const partNumber = i + 1;
      const command = new UploadPartCommand({ Bucket: customer.s3_bucket, Key: key, UploadId: s3UploadId, PartNumber: partNumber });
      return {
        part_number: partNumber,
        size_bytes: partSize(plan, input.size_bytes, partNumber),
        method: 'PUT' as const,
        url: await getSignedUrl(s3, command, { expiresIn: URL_EXPIRY_SECONDS }),
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

async function assertWithinStorageQuota(customer: CustomerItem, sizeBytes: number): Promise<void> {
  const usage = await readStorageUsage(customer.customer_id);
  const limitBytes = customer.max_storage_gb * GIB;
  if (usage.storage_bytes + sizeBytes > limitBytes) {
    throw new QuotaExceededError(
      `This upload of ${sizeBytes} bytes would take customer ${customer.customer_id} over its storage quota: ` +
        `${usage.storage_bytes} of ${limitBytes} bytes (${customer.max_storage_gb} GiB) are used.`,
      { quota: 'storage', used_bytes: usage.storage_bytes, limit_bytes: limitBytes, requested_bytes: sizeBytes, max_storage_gb: customer.max_storage_gb },
    );
  }
}

/** Finishes a multipart upload from the part numbers and ETags the client collected. */
export async function completeUpload(customerId: string, uploadId: string, parts: readonly { part_number: number; etag: string }[]) {
  const record = await requireMultipart(customerId, uploadId);
  if (record.state === 'COMPLETED') return toUploadView(record);
  if (record.state === 'ABORTED') throw new ConflictError(`Upload ${uploadId} was aborted.`);
  const tooHigh = parts.find((p) => p.part_number > (record.part_count ?? 0));
  if (tooHigh) {
    throw new ValidationError([{ field: 'parts', message: `part_number ${tooHigh.part_number} is beyond the ${record.part_count} parts of this upload` }]);
  }
  try {
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: record.bucket,
        Key: record.key,
        UploadId: record.s3_upload_id,
        MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.part_number, ETag: p.etag })) },
      }),
    );
  } catch (error) {
    const name = (error as Error).name;
    if (['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'NoSuchUpload'].includes(name)) {
      throw new HttpProblem(400, 'Bad Request', `S3 refused to complete the upload (${name}): ${(error as Error).message}`, {}, { cause: error });
    }
    throw error;
  }
  return toUploadView(await finishUpload(record, 'COMPLETED', new Date()));
}

export async function abortUpload(customerId: string, uploadId: string) {
  const record = await requireMultipart(customerId, uploadId);
  if (record.state !== 'PENDING') throw new ConflictError(`Upload ${uploadId} is already ${record.state}.`);
  await s3.send(new AbortMultipartUploadCommand({ Bucket: record.bucket, Key: record.key, UploadId: record.s3_upload_id }));
  return toUploadView(await finishUpload(record, 'ABORTED', new Date()));
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
    created_at: record.created_at,
    ...(record.completed_at ? { completed_at: record.completed_at } : {}),
  };
}
