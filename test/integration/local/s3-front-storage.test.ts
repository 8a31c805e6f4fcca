import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassthroughProxy } from '#local/emulators/passthrough-proxy.ts';
import { S3RVER_CREDENTIALS, startS3, type S3Emulator } from '#local/emulators/s3.ts';
import { s3Proxy } from '#local/emulators/s3-proxy.ts';
import { freePort } from '#local/ports.ts';

const BUCKET = 'portico-local-storage-0a1b2c3d';
const KEY = 'uploads/reads.fq';
const MIB = 1024 * 1024;

/** s3rver and its front on one data directory, as the local stack runs them; restartable. */
class LocalS3 {
  private s3?: S3Emulator;
  private front?: PassthroughProxy;
  client!: S3Client;

  constructor(readonly dir: string) {}

  async start(): Promise<void> {
    const [s3Port, frontPort] = [await freePort(), await freePort()];
    this.s3 = await startS3(s3Port, this.dir);
    this.front = s3Proxy(frontPort, s3Port, this.dir);
    await this.front.start();
    this.client = new S3Client({ endpoint: this.front.endpoint, region: 'us-east-1', forcePathStyle: true, maxAttempts: 1, credentials: S3RVER_CREDENTIALS });
  }

  async stop(): Promise<void> {
    await this.front?.stop();
    await this.s3?.stop();
  }
}

let dir: string;
let local: LocalS3;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-s3-'));
  local = new LocalS3(dir);
  await local.start();
  await local.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterEach(async () => {
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function startUpload(): Promise<{ uploadId: string; etags: string[] }> {
  const { UploadId } = await local.client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: KEY }));
  const etags = [];
  for (const [i, body] of [Buffer.alloc(5 * MIB, 1), Buffer.from('tail')].entries()) {
    const part = await local.client.send(new UploadPartCommand({ Bucket: BUCKET, Key: KEY, UploadId, PartNumber: i + 1, Body: body }));
    etags.push(part.ETag!);
  }
  return { uploadId: UploadId!, etags };
}

describe('the S3 front reads multipart uploads where s3rver keeps them', () => {
  it('still knows the parts of an upload after a restart, and completes it', async () => {
    const { uploadId, etags } = await startUpload();
    await local.stop();
    await local.start();

    const done = await local.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: KEY,
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    );

    expect(done.$metadata.httpStatusCode).toBe(200);
    expect((await local.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }))).ContentLength).toBe(5 * MIB + 4);
  });

  it('deletes the part files when an upload is aborted', async () => {
    const { uploadId } = await startUpload();
    const uploads = join(dir, BUCKET, '._S3rver_uploads');
    expect(readdirSync(join(uploads, uploadId))).toEqual(expect.arrayContaining(['1', '1.md5', '2', '2.md5']));

    await local.client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: KEY, UploadId: uploadId }));

    expect(existsSync(join(uploads, uploadId))).toBe(false);
  });
});
