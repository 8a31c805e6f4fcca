import { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../clients/s3.ts';
import { logger } from '../observability/logger.ts';
import { CONTENT_TYPES, exportRow, headerLine, rowLine, type ExportFormat } from './export-rows.ts';
import type { CustomerPeriodPages } from './period-usage.ts';
import type { BillingRates } from './rates.ts';

/**
 * The export's lines, produced a page of customers at a time: memory holds
 * one page, whatever the number of customers. A first pass sums the month's
 * API requests (the shared platform cost is apportioned by them), the second
 * yields the rows.
 */
export async function* exportLines(pages: CustomerPeriodPages, format: ExportFormat, rates: BillingRates, counted: { rows: number } = { rows: 0 }): AsyncGenerator<string> {
  let allApiRequests = 0;
  for await (const page of pages()) for (const { usage } of page) allApiRequests += usage.api_requests;
  const header = headerLine(format);
  if (header) yield header;
  for await (const page of pages()) {
    // One chunk per page keeps the stream's overhead per customer small.
    yield page.map(({ customer, usage }) => rowLine(exportRow(customer, usage, rates, allApiRequests), format)).join('');
    counted.rows += page.length;
  }
}

export interface WrittenExport {
  readonly bucket: string;
  readonly key: string;
  readonly rows: number;
  readonly contentType: string;
}

/**
 * Streams the export into the finance bucket: a multipart upload of 5 MiB
 * parts, one in flight, so the function's memory does not grow with the
 * file (a small file is one PutObject). A failed upload leaves its parts to
 * the bucket's rule that aborts incomplete uploads after 7 days, so the
 * functions need no s3:AbortMultipartUpload; the caller sees a 503 and retries.
 */
export async function writeExport(target: { bucket: string; key: string }, pages: CustomerPeriodPages, format: ExportFormat, rates: BillingRates): Promise<WrittenExport> {
  const counted = { rows: 0 };
  const upload = new Upload({
    client: s3,
    queueSize: 1,
    leavePartsOnError: true,
    params: {
      Bucket: target.bucket,
      Key: target.key,
      Body: Readable.from(exportLines(pages, format, rates, counted)),
      ContentType: CONTENT_TYPES[format],
    },
  });
  await upload.done();
  logger.info('Billing export written', { bucket: target.bucket, key: target.key, rows: counted.rows, format });
  return { ...target, rows: counted.rows, contentType: CONTENT_TYPES[format] };
}

/** A short-lived link to download an export (the platform admin's client follows the 303 to it). */
export async function downloadUrl(written: WrittenExport, expiresInSeconds: number): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: written.bucket, Key: written.key }), { expiresIn: expiresInSeconds });
}
