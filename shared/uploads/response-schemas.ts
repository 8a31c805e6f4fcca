import * as z from 'zod';
import { customerIdSchema } from '../customers/response-schemas.ts';
import type { Describes } from '../validation/describes.ts';
import type { createUpload, toUploadView } from './uploads.ts';

const UPLOAD_STATES = ['PENDING', 'COMPLETED', 'ABORTED', 'EXPIRED', 'REJECTED'] as const;

const uploadIdSchema = z.string().regex(/^up-[0-9a-f]{24}$/);

export const uploadSchema = z
  .object({
    upload_id: uploadIdSchema,
    customer_id: customerIdSchema,
    bucket: z.string(),
    key: z.string().meta({ description: '`uploads/<yyyy>/<mm>/<dd>/<upload_id>/<filename>` in the customer bucket.' }),
    filename: z.string().meta({ description: 'The file name as stored (made safe).' }),
    size_bytes: z.int().min(1),
    multipart: z.boolean(),
    state: z.enum(UPLOAD_STATES).meta({
      id: 'UploadState',
      description: 'PENDING until the object arrives; COMPLETED once it is in the bucket; ABORTED, EXPIRED (never finished) or REJECTED (not the declared size).',
    }),
    reserved_bytes: z.int().min(0).meta({ description: "Storage held against the quota until the object is counted; 0 once released." }),
    created_at: z.iso.datetime(),
    completed_at: z.iso.datetime().optional(),
    state_reason: z.string().optional().meta({ description: 'Why the upload was rejected.' }),
  })
  .meta({ id: 'Upload', description: 'An upload Portico handed out.' });

const SIGNED = 'Send exactly these headers with the PUT: they are signed.';

const singlePutSchema = uploadSchema
  .extend({
    multipart: z.literal(false),
    expires_at: z.iso.datetime().meta({ description: 'When the URL(s) stop working (15 minutes).' }),
    method: z.literal('PUT'),
    url: z.url().meta({ description: 'Presigned URL for the whole file; single use.' }),
    headers: z
      .object({
        'Content-Length': z.string().regex(/^\d+$/),
        'If-None-Match': z.literal('*'),
        'Content-Type': z.string().optional().meta({ description: 'When the upload named a content_type.' }),
        'x-amz-checksum-sha256': z.string().optional().meta({ description: 'When the upload named a sha256 (base64 of it).' }),
      })
      .meta({ description: SIGNED }),
  })
  .meta({ id: 'SinglePutUpload', description: 'A file small enough for one PUT.' });

const multipartSchema = uploadSchema
  .extend({
    multipart: z.literal(true),
    expires_at: z.iso.datetime().meta({ description: 'When the URL(s) stop working (15 minutes).' }),
    part_size_bytes: z.int().min(1),
    parts: z.array(
      z.object({
        part_number: z.int().min(1),
        size_bytes: z.int().min(1),
        method: z.literal('PUT'),
        url: z.url(),
        headers: z.object({ 'Content-Length': z.string().regex(/^\d+$/) }).meta({ description: SIGNED }),
      }),
    ),
    complete: z.string().meta({ description: 'Path to POST the part numbers and ETags to once every part is sent.' }),
    abort: z.string().meta({ description: 'Path to POST to give the upload up.' }),
  })
  .meta({ id: 'MultipartUpload', description: 'A large file: one presigned URL per part, then complete.' });

export const createdUploadSchema = z
  .discriminatedUnion('multipart', [singlePutSchema, multipartSchema])
  .meta({ description: 'The upload, with the presigned URL(s) that put the file in the customer bucket (`multipart` says which).' });

type Created = Awaited<ReturnType<typeof createUpload>>;
const _upload: Describes<typeof uploadSchema, ReturnType<typeof toUploadView>> = true;
const _single: Describes<typeof singlePutSchema, Extract<Created, { url: string }>> = true;
const _multipart: Describes<typeof multipartSchema, Extract<Created, { parts: unknown }>> = true;
