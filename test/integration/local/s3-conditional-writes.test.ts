import { randomUUID } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { localS3, localStack } from '../../support/local-stack.ts';

/** An SDK client on the local S3 front that presigns and sends without default checksums. */
function client(): S3Client {
  return new S3Client({
    endpoint: localStack().s3_endpoint,
    region: localStack().region,
    forcePathStyle: true,
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

async function stored(bucket: string, key: string): Promise<string> {
  const object = await localS3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

async function s3Error(response: Response): Promise<{ status: number; code: string | undefined; condition: string | undefined }> {
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], condition: /<Condition>([^<]*)<\/Condition>/.exec(text)?.[1] };
}

/** A single-PUT URL that can be used once, as the API is to sign it: the length and `if-none-match: *`. */
async function putOnceUrl(bucket: string, key: string, length: number): Promise<string> {
  return getSignedUrl(client(), new PutObjectCommand({ Bucket: bucket, Key: key, ContentLength: length, IfNoneMatch: '*' }), {
    expiresIn: 300,
    signableHeaders: new Set(['content-length', 'if-none-match']),
  });
}

const put = (url: string, body: string, headers: Record<string, string> = { 'If-None-Match': '*' }) => fetch(url, { method: 'PUT', body, headers });

let bucket: string;
beforeAll(async () => {
  bucket = `conditional-${randomUUID().slice(0, 8)}`;
  await localS3().send(new CreateBucketCommand({ Bucket: bucket }));
});

describe('a presigned PUT that signs if-none-match: *', () => {
  it('stores once: the same URL used again answers 412 PreconditionFailed and leaves the object as the first use stored it', async () => {
    const key = `uploads/${randomUUID()}/R1.fastq`;
    const url = await putOnceUrl(bucket, key, 5);

    const first = await put(url, 'first');
    const replay = await put(url, 'again');

    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'host', 'if-none-match']);
    expect(first.status).toBe(200);
    expect(await s3Error(replay)).toEqual({ status: 412, code: 'PreconditionFailed', condition: 'If-None-Match' });
    expect(await stored(bucket, key)).toBe('first');
  });

  it('cannot be used without the header it signed: 403 SignatureDoesNotMatch, nothing stored over the object', async () => {
    const key = `uploads/${randomUUID()}/R1.fastq`;
    const url = await putOnceUrl(bucket, key, 5);
    expect((await put(url, 'first')).status).toBe(200);

    const withoutHeader = await put(url, 'again', {});

    expect(await s3Error(withoutHeader)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await stored(bucket, key)).toBe('first');
  });

  it('used by several clients at once, stores exactly one of them; the others answer 412', async () => {
    const key = `uploads/${randomUUID()}/R1.fastq`;
    const url = await putOnceUrl(bucket, key, 6);
    const bodies = ['body-1', 'body-2', 'body-3', 'body-4'];

    const statuses = await Promise.all(bodies.map(async (body) => (await put(url, body)).status));

    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(3);
    expect(await stored(bucket, key)).toBe(bodies[statuses.indexOf(200)]);
  });
});

describe('conditional writes through the SDK', () => {
  it('PutObject with IfNoneMatch: * stores a new key and refuses an existing one; without it, a PUT replaces the object', async () => {
    const key = `results/${randomUUID()}.txt`;
    const s3 = client();

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'one', IfNoneMatch: '*' }));
    const refused = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'two', IfNoneMatch: '*' })).catch((error: unknown) => error);
    const afterRefusal = await stored(bucket, key);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'three' }));

    expect(refused).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(afterRefusal).toBe('one');
    expect(await stored(bucket, key)).toBe('three');
  });

  it('CompleteMultipartUpload with IfNoneMatch: * for a key that holds an object answers 412 and stores nothing; the upload can still be aborted', async () => {
    const key = `uploads/${randomUUID()}/big.fastq`;
    const s3 = client();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'already here' }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: 'the only part' }));

    const refused = await s3
      .send(
        new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: ETag! }] }, IfNoneMatch: '*' }),
      )
      .catch((error: unknown) => error);
    const afterRefusal = await stored(bucket, key);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }));

    expect(refused).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(afterRefusal).toBe('already here');
  });

  it('CompleteMultipartUpload with IfNoneMatch: * for a new key stores the object', async () => {
    const key = `uploads/${randomUUID()}/big.fastq`;
    const s3 = client();
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: 'the only part' }));

    await s3.send(
      new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: ETag! }] }, IfNoneMatch: '*' }),
    );

    expect(await stored(bucket, key)).toBe('the only part');
  });
});
