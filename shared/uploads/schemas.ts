import * as z from 'zod';
import { MAX_OBJECT_BYTES } from './upload-plan.ts';

export const createUploadSchema = z.strictObject({
  filename: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  size_bytes: z
    .number({ error: 'must be a whole number of bytes' })
    .int('must be a whole number of bytes')
    .min(1, 'must be at least 1')
    .max(MAX_OBJECT_BYTES, `must be at most ${MAX_OBJECT_BYTES} (5 TiB, the largest S3 object)`),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits')
    .optional(),
  content_type: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as application/gzip')
    .max(100, 'must be at most 100 characters')
    .optional(),
});

export type CreateUploadRequest = z.output<typeof createUploadSchema>;

export const completeUploadSchema = z.strictObject({
  parts: z
    .array(
      z.strictObject({
        part_number: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
        etag: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
      }),
    )
    .min(1, 'must list at least one part')
    .max(10_000, 'must list at most 10000 parts')
    .refine((parts) => parts.every((p, i) => i === 0 || p.part_number > (parts[i - 1]?.part_number ?? 0)), 'must be in ascending part_number order without repeats'),
});
