import { parseXML } from '@aws-sdk/xml-builder';
import { refusals } from '../refusals.ts';
import type { UploadedPart } from './s3rver-uploads.ts';

export interface RequestedPart {
  readonly partNumber: number;
  readonly etag: string;
}

/** S3's smallest part, except the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;

/** The parts a CompleteMultipartUpload body lists; a body that is not that document is MalformedXML. */
export function parseCompleteRequest(xml: string): RequestedPart[] {
  let document: unknown;
  try {
    document = parseXML(xml);
  } catch {
    throw refusals.malformedXml();
  }
  const root = (document as { CompleteMultipartUpload?: { Part?: unknown } } | undefined)?.CompleteMultipartUpload;
  const listed = root?.Part;
  if (listed === undefined) throw refusals.malformedXml();
  return (Array.isArray(listed) ? listed : [listed]).map((part: { PartNumber?: unknown; ETag?: unknown }) => {
    if (typeof part?.PartNumber !== 'string' || typeof part.ETag !== 'string') throw refusals.malformedXml();
    return { partNumber: partNumber(part.PartNumber), etag: part.ETag };
  });
}

/** A part number as S3 accepts it: an integer from 1 to 10,000. */
export function partNumber(value: string | undefined): number {
  const number = value !== undefined && /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(number >= 1 && number <= MAX_PART_NUMBER)) throw refusals.invalidPartNumber(value);
  return number;
}

/**
 * Refuses a completion S3 would refuse, in S3's order: parts not in
 * ascending order, a part never uploaded or with another ETag, a part
 * other than the last smaller than 5 MiB.
 */
export function checkCompletion(uploadId: string, requested: readonly RequestedPart[], uploaded: ReadonlyMap<number, UploadedPart>): void {
  requested.forEach((part, i) => {
    const previous = requested[i - 1];
    if (previous && part.partNumber <= previous.partNumber) throw refusals.invalidPartOrder(uploadId);
  });
  for (const part of requested) {
    const stored = uploaded.get(part.partNumber);
    if (!stored || unquoted(stored.etag) !== unquoted(part.etag)) throw refusals.invalidPart(uploadId, part.partNumber, part.etag);
  }
  requested.slice(0, -1).forEach((part) => {
    const size = uploaded.get(part.partNumber)?.size ?? 0;
    if (size < MIN_PART_BYTES) throw refusals.entityTooSmall(part.partNumber, size, MIN_PART_BYTES, part.etag);
  });
}

/** S3 ignores the double quotes around ETags when it compares them. */
function unquoted(etag: string): string {
  return etag.replace(/"/g, '');
}
