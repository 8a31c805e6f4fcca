import { S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../config/env-vars.ts';
import { SERVICE_CLIENT_TIMEOUTS } from './timeouts.ts';

/**
 * Endpoint from AWS_ENDPOINT_URL_S3; S3 emulators need path-style URLs.
 *
 * Checksums only where an operation requires one: with the SDK's default,
 * every presigned PUT carries `x-amz-checksum-crc32=AAAAAA==` (the CRC of the
 * empty body the presigner sees), so S3 refuses the real upload as BadDigest.
 * Callers that want integrity checks sign their own checksum (uploads.ts).
 */
export const s3 = new S3Client({
  ...SERVICE_CLIENT_TIMEOUTS,
  forcePathStyle: process.env[ENV.s3ForcePathStyle] === 'true',
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
