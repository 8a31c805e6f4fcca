import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3 as sharedS3 } from '#shared/clients/s3.ts';
import { localS3, localStack } from '../../support/local-stack.ts';

const MIB = 1024 * 1024;
const BODY = Buffer.from('@read1\nACGTACGTAC\n+\nIIIIIIIIII\n');

/** An SDK client on the local S3 front, with the checks S3 makes on responses too. */
function client(config: { accessKeyId?: string; requestChecksumCalculation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED' } = {}): S3Client {
  return new S3Client({
    endpoint: localStack().s3_endpoint,
    region: localStack().region,
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: config.accessKeyId ?? 'S3RVER', secretAccessKey: 'S3RVER' },
    ...(config.requestChecksumCalculation ? { requestChecksumCalculation: config.requestChecksumCalculation } : {}),
  });
}

async function stored(bucket: string, key: string): Promise<Buffer | undefined> {
  try {
    const object = await localS3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function s3Error(response: Response): Promise<{ status: number; code: string | undefined; message: string | undefined }> {
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] };
}

const put = (url: string | URL, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'PUT', headers: { 'Content-Length': String(body.length), ...headers }, body });

let bucket: string;
let otherBucket: string;
beforeAll(async () => {
  bucket = `s3front-${randomUUID().slice(0, 8)}`;
  otherBucket = `s3front-other-${randomUUID().slice(0, 8)}`;
  await localS3().send(new CreateBucketCommand({ Bucket: bucket }));
  await localS3().send(new CreateBucketCommand({ Bucket: otherBucket }));
});

describe('the shared S3 client presigns without default checksums', () => {
  it('gives a PUT URL with no x-amz-checksum-* nor x-amz-sdk-checksum-algorithm, which S3 then takes; the SDK default would be refused', async () => {
    const command = () => new PutObjectCommand({ Bucket: bucket, Key: `shared-${randomUUID()}.fq` });
    const shared = new URL(await getSignedUrl(sharedS3, command(), { expiresIn: 60 }));
    const byDefault = new URL(await getSignedUrl(client({ requestChecksumCalculation: 'WHEN_SUPPORTED' }), command(), { expiresIn: 60 }));
    const checksumParams = (url: URL) => [...url.searchParams.keys()].filter((k) => /^x-amz-(checksum-|sdk-checksum-algorithm)/i.test(k));

    expect(checksumParams(shared)).toEqual([]);
    expect(checksumParams(byDefault)).toEqual(['x-amz-checksum-crc32', 'x-amz-sdk-checksum-algorithm']);
    expect((await put(shared, BODY)).status).toBe(200);
    expect(await s3Error(await put(byDefault, BODY))).toMatchObject({ status: 400, code: 'BadDigest' });
  });
});

describe('presigned PUT URLs are checked as S3 checks them', () => {
  let key: string;
  let url: URL;
  beforeAll(async () => {
    key = `uploads/${randomUUID()}/NA12878 R1.fastq.gz`;
    url = new URL(
      await getSignedUrl(client({ requestChecksumCalculation: 'WHEN_REQUIRED' }), new PutObjectCommand({ Bucket: bucket, Key: key, ContentLength: BODY.length }), {
        expiresIn: 300,
        signableHeaders: new Set(['content-length']),
      }),
    );
  });

  it('stores the object sent through a URL the SDK presigned', async () => {
    const response = await put(url, BODY);

    expect(response.status).toBe(200);
    expect(await stored(bucket, key)).toEqual(BODY);
  });

  it.each([
    ['a tampered signature', (u: URL) => withParam(u, 'X-Amz-Signature', '0'.repeat(64)), BODY, 403, 'SignatureDoesNotMatch'],
    ['another key', (u: URL) => new URL(u.href.replace('/uploads/', '/elsewhere/')), BODY, 403, 'SignatureDoesNotMatch'],
    ['another existing bucket', (u: URL) => new URL(u.href.replace(`/${bucket}/`, `/${otherBucket}/`)), BODY, 403, 'SignatureDoesNotMatch'],
    ['no signature at all', (u: URL) => new URL(u.pathname, u), BODY, 403, 'AccessDenied'],
    ['a body of another length than the signed one', (u: URL) => u, Buffer.concat([BODY, BODY]), 403, 'SignatureDoesNotMatch'],
    ['X-Amz-Expires over a week', (u: URL) => withParam(u, 'X-Amz-Expires', '604801'), BODY, 400, 'AuthorizationQueryParametersError'],
  ])('refuses %s and stores nothing', async (_, change, body, status, code) => {
    const target = change(url);
    const targetKey = decodeURIComponent(target.pathname.split('/').slice(2).join('/'));
    const targetBucket = target.pathname.split('/')[1] ?? '';
    const before = await stored(targetBucket, targetKey);

    const response = await put(target, body);

    expect(await s3Error(response)).toMatchObject({ status, code });
    expect(await stored(targetBucket, targetKey)).toEqual(before);
  });

  it('checks the body against a checksum the URL signs as a header: the right bytes land, others are 400 BadDigest', async () => {
    const checksumKey = `checked-${randomUUID()}.fq`;
    const checksum = createHash('sha256').update(BODY).digest('base64');
    const checked = await getSignedUrl(sharedS3, new PutObjectCommand({ Bucket: bucket, Key: checksumKey, ContentLength: BODY.length, ChecksumSHA256: checksum }), {
      expiresIn: 60,
      signableHeaders: new Set(['content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    const tampered = Buffer.from(BODY);
    tampered[1] = 0x58;

    expect(await s3Error(await put(checked, tampered, { 'x-amz-checksum-sha256': checksum }))).toMatchObject({ status: 400, code: 'BadDigest' });
    expect(await stored(bucket, checksumKey)).toBeUndefined();
    expect((await put(checked, BODY, { 'x-amz-checksum-sha256': checksum })).status).toBe(200);
    expect(await stored(bucket, checksumKey)).toEqual(BODY);
  });

  it('refuses an unknown access key with 403 InvalidAccessKeyId', async () => {
    const unknown = await getSignedUrl(client({ accessKeyId: 'AKIDUNKNOWN' }), new PutObjectCommand({ Bucket: bucket, Key: `k-${randomUUID()}` }), { expiresIn: 60 });

    expect(await s3Error(await put(unknown, BODY))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
  });

  it('refuses a URL once expired with 403 AccessDenied "Request has expired", and stores nothing', async () => {
    const expiringKey = `expiring-${randomUUID()}.fq`;
    const expiring = await getSignedUrl(client({ requestChecksumCalculation: 'WHEN_REQUIRED' }), new PutObjectCommand({ Bucket: bucket, Key: expiringKey }), { expiresIn: 1 });
    await new Promise((r) => setTimeout(r, 2100));

    const response = await put(expiring, BODY);

    expect(await s3Error(response)).toEqual({ status: 403, code: 'AccessDenied', message: 'Request has expired' });
    expect(await stored(bucket, expiringKey)).toBeUndefined();
  });
});

describe('what the SDK sends, header-signed, reaches the bucket intact', () => {
  const stream = () => Readable.from([BODY.subarray(0, 10), BODY.subarray(10)]);

  it.each([
    ['a buffer with the default CRC32', () => client(), () => BODY],
    ['a stream (aws-chunked with a CRC32 trailer)', () => client(), stream],
    ['a buffer, no checksum', () => client({ requestChecksumCalculation: 'WHEN_REQUIRED' }), () => BODY],
    ['a stream, no checksum (UNSIGNED-PAYLOAD)', () => client({ requestChecksumCalculation: 'WHEN_REQUIRED' }), stream],
  ])('PutObject with %s', async (_, s3, body) => {
    const key = `sdk-${randomUUID()}.fq`;

    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body(), ContentLength: BODY.length }));

    expect(await stored(bucket, key)).toEqual(BODY);
  });

  it('refuses a checksum that does not match the body with 400 BadDigest, and stores nothing', async () => {
    const key = `bad-${randomUUID()}.fq`;

    const refused = await client({ requestChecksumCalculation: 'WHEN_REQUIRED' })
      .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: BODY, ChecksumCRC32: 'AAAAAA==' }))
      .catch((error: unknown) => error);

    expect(refused).toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    expect(await stored(bucket, key)).toBeUndefined();
  });
});

describe('multipart uploads', () => {
  async function started(key: string): Promise<string> {
    return (await localS3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId!;
  }
  async function uploadPart(key: string, uploadId: string, partNumber: number, body: Buffer): Promise<string> {
    return (await localS3().send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: body }))).ETag!;
  }
  const complete = (key: string, uploadId: string, parts: { PartNumber: number; ETag: string }[]) =>
    localS3()
      .send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }))
      .catch((error: unknown) => error);

  it('completes from parts sent through presigned UploadPart URLs', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);
    const parts = [Buffer.alloc(5 * MIB, 1), Buffer.from('tail')];
    const etags = [];
    for (const [i, body] of parts.entries()) {
      const partUrl = await getSignedUrl(sharedS3, new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: i + 1 }), { expiresIn: 60 });
      const response = await put(partUrl, body);
      expect(response.status).toBe(200);
      etags.push({ PartNumber: i + 1, ETag: response.headers.get('etag')! });
    }

    const done = await complete(key, uploadId, etags);

    expect(done).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    // Compared by digest: a deep comparison of 5 MiB takes vitest tens of seconds.
    expect(sha256(await stored(bucket, key))).toBe(sha256(Buffer.concat(parts)));
  });

  it('refuses to complete with a part never uploaded (400 InvalidPart), stores nothing, and the stack serves the next request', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);
    const etag = await uploadPart(key, uploadId, 1, Buffer.alloc(5 * MIB, 2));

    const refused = await complete(key, uploadId, [
      { PartNumber: 1, ETag: etag },
      { PartNumber: 2, ETag: '"0123456789abcdef0123456789abcdef"' },
    ]);

    expect(refused).toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
    expect(await stored(bucket, key)).toBeUndefined();
    const nextKey = `after-${randomUUID()}.fq`;
    await localS3().send(new PutObjectCommand({ Bucket: bucket, Key: nextKey, Body: BODY }));
    expect(await stored(bucket, nextKey)).toEqual(BODY);
  });

  it('refuses a wrong ETag (InvalidPart), parts out of order (InvalidPartOrder) and a small part before the last (EntityTooSmall)', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);
    const first = await uploadPart(key, uploadId, 1, Buffer.from('small'));
    const second = await uploadPart(key, uploadId, 2, Buffer.from('tail'));

    expect(await complete(key, uploadId, [{ PartNumber: 1, ETag: second }])).toMatchObject({ name: 'InvalidPart' });
    expect(
      await complete(key, uploadId, [
        { PartNumber: 2, ETag: second },
        { PartNumber: 1, ETag: first },
      ]),
    ).toMatchObject({ name: 'InvalidPartOrder' });
    expect(
      await complete(key, uploadId, [
        { PartNumber: 1, ETag: first },
        { PartNumber: 2, ETag: second },
      ]),
    ).toMatchObject({ name: 'EntityTooSmall', $metadata: { httpStatusCode: 400 } });
    expect(await complete(key, uploadId, [{ PartNumber: 1, ETag: first }])).toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });

  it('runs two completions of one upload one at a time: the first assembles it, the second finds it gone (404 NoSuchUpload)', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);
    const parts = [
      { PartNumber: 1, ETag: await uploadPart(key, uploadId, 1, Buffer.alloc(5 * MIB, 3)) },
      { PartNumber: 2, ETag: await uploadPart(key, uploadId, 2, Buffer.from('tail')) },
    ];

    const answers = await Promise.all([complete(key, uploadId, parts), complete(key, uploadId, parts)]);

    const outcomes = answers.map((a) => (a instanceof Error ? a.name : (a as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode)).sort();
    expect(outcomes).toEqual([200, 'NoSuchUpload']);
    expect((await stored(bucket, key))?.length).toBe(5 * MIB + 4);
  });

  it('aborts an upload: its parts are gone, completing or adding to it is 404 NoSuchUpload', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);
    const etag = await uploadPart(key, uploadId, 1, BODY);

    const aborted = await localS3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));

    expect(aborted.$metadata.httpStatusCode).toBe(204);
    expect(await complete(key, uploadId, [{ PartNumber: 1, ETag: etag }])).toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
    const addPart = await localS3()
      .send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: 2, Body: BODY }))
      .catch((error: unknown) => error);
    expect(addPart).toMatchObject({ name: 'NoSuchUpload' });
    const again = await localS3()
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
      .catch((error: unknown) => error);
    expect(again).toMatchObject({ name: 'NoSuchUpload' });
  });

  it('refuses an upload id s3rver never gave, or given for another key, with 404 NoSuchUpload', async () => {
    const key = `mp-${randomUUID()}.fq`;
    const uploadId = await started(key);

    expect(await complete(`${key}.other`, uploadId, [{ PartNumber: 1, ETag: '"x"' }])).toMatchObject({ name: 'NoSuchUpload' });
    expect(await complete(key, '../../../etc', [{ PartNumber: 1, ETag: '"x"' }])).toMatchObject({ name: 'NoSuchUpload' });
  });
});

describe('a bad request never takes the local S3 down', () => {
  it('answers a URL that does not decode with 400 InvalidURI', async () => {
    const response = await fetch(`${localStack().s3_endpoint}/${bucket}/%E0%A4%A`);

    expect(await s3Error(response)).toMatchObject({ status: 400, code: 'InvalidURI' });
  });

  it('keeps serving after a client hangs up in the middle of an upload', async () => {
    const { hostname, port } = new URL(localStack().s3_endpoint);
    await new Promise<void>((resolve) => {
      const req = request({ host: hostname, port, method: 'PUT', path: `/${bucket}/hang-up`, headers: { 'content-length': String(MIB) } });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(BODY, () => setTimeout(() => req.destroy(), 50));
    });
    await new Promise((r) => setTimeout(r, 100));

    const head = await localS3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'hang-up' })).catch((error: unknown) => error);

    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });
});

function sha256(data: Buffer | undefined): string | undefined {
  return data && createHash('sha256').update(data).digest('hex');
}

function withParam(url: URL, name: string, value: string): URL {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed;
}
