import { S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../config/env-vars.ts';

/** Endpoint from AWS_ENDPOINT_URL_S3; S3 emulators need path-style URLs. */
export const s3 = new S3Client({ forcePathStyle: process.env[ENV.s3ForcePathStyle] === 'true' });
