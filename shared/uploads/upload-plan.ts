import { GIB } from '../usage/units.ts';

/**
 * How a file of a given size is uploaded: one presigned PUT up to the
 * multipart threshold (S3's single-PUT limit, 5 GiB), else a multipart upload
 * with parts sized so there are at most 1,000 of them (S3 allows 10,000 parts
 * of at most 5 GiB; 1,000 part URLs keep the answer well under Lambda's 6 MB).
 */
export { GIB };
export const MIB = 1024 ** 2;
export const MAX_SINGLE_PUT_BYTES = 5 * GIB;
export const MAX_PART_BYTES = 5 * GIB;
export const MAX_OBJECT_BYTES = 5 * 1024 * GIB;
const TARGET_MAX_PARTS = 1000;

export interface UploadLimits {
  /** Sizes above this use multipart. @default 5 GiB */
  readonly multipartThresholdBytes: number;
  /** Smallest part (S3's minimum is 5 MiB). @default 64 MiB */
  readonly minPartBytes: number;
}

export const defaultUploadLimits: UploadLimits = { multipartThresholdBytes: MAX_SINGLE_PUT_BYTES, minPartBytes: 64 * MIB };

export type UploadPlan =
  | { readonly multipart: false }
  | { readonly multipart: true; readonly partSizeBytes: number; readonly partCount: number };

export function planUpload(sizeBytes: number, limits: UploadLimits = defaultUploadLimits): UploadPlan {
  if (sizeBytes <= limits.multipartThresholdBytes) return { multipart: false };
  const wanted = Math.ceil(sizeBytes / TARGET_MAX_PARTS / MIB) * MIB;
  const partSizeBytes = Math.min(MAX_PART_BYTES, Math.max(limits.minPartBytes, wanted));
  return { multipart: true, partSizeBytes, partCount: Math.ceil(sizeBytes / partSizeBytes) };
}

/** The size of part `n` (1-based): all full but the last. */
export function partSize(plan: Extract<UploadPlan, { multipart: true }>, sizeBytes: number, n: number): number {
  return n < plan.partCount ? plan.partSizeBytes : sizeBytes - plan.partSizeBytes * (plan.partCount - 1);
}
