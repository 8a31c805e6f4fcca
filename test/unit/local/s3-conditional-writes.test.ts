import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CompleteMultipartUploadCommand, CopyObjectCommand, PutObjectCommand, PutObjectTaggingCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncIntercept, LocalAnswer, Rewrite } from '#local/emulators/passthrough-proxy.ts';
import { writtenIfNoObject } from '#local/emulators/s3-front/conditional-write.ts';
import { S3rverObjects } from '#local/emulators/s3-front/s3rver-objects.ts';
import { s3FrontIntercept } from '#local/emulators/s3-front/s3-front.ts';
import { asS3Request, fromUrl, LOCAL_ACCOUNTS, presignedPut, sdkRequest, type WireRequest } from './s3-sdk-requests.ts';

const BUCKET = 'portico-local-acme-1234abcd';
const KEY = 'uploads/up-1/NA12878 R1.fastq.gz';
const BODY = Buffer.from('@r1\nACGT\n+\nIIII\n');
const UPLOAD_ID = '0123456789abcdef0123456789abcdef';

const putIfNoObject = (key = KEY) =>
  sdkRequest((c) => c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: BODY, IfNoneMatch: '*' })), { requestChecksumCalculation: 'WHEN_REQUIRED' });
/** The request the SDK sends; the calls that read their answer's body fail on the empty one the capture gives back. */
const captured = (send: Parameters<typeof sdkRequest>[0]) => sdkRequest((c) => send(c).catch(() => undefined));
const withHeaders = (wire: WireRequest, headers: Record<string, string>): WireRequest => ({ ...wire, headers: { ...wire.headers, ...headers } });

describe('writtenIfNoObject: the writes If-None-Match: * applies to', () => {
  it('PutObject, signed or presigned, and CopyObject: a PUT to a key', async () => {
    const presigned = await presignedPut({ Bucket: BUCKET, Key: KEY, IfNoneMatch: '*' });
    const copy = await captured((c) => c.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy.fq', CopySource: `${BUCKET}/${KEY}`, IfNoneMatch: '*' })));

    expect(writtenIfNoObject(asS3Request(await putIfNoObject()))).toEqual({ bucket: BUCKET, key: KEY });
    expect(writtenIfNoObject(asS3Request(fromUrl(presigned, 'PUT', { 'if-none-match': '*' }, BODY)))).toEqual({ bucket: BUCKET, key: KEY });
    expect(writtenIfNoObject(asS3Request(copy))).toEqual({ bucket: BUCKET, key: 'copy.fq' });
  });

  it('CompleteMultipartUpload', async () => {
    const complete = await captured((c) =>
      c.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: KEY, UploadId: UPLOAD_ID, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"' }] }, IfNoneMatch: '*' })),
    );

    expect(writtenIfNoObject(asS3Request(complete))).toEqual({ bucket: BUCKET, key: KEY });
  });

  it('not a part, tags, a read, nor a write without the header', async () => {
    const part = await sdkRequest((c) => c.send(new UploadPartCommand({ Bucket: BUCKET, Key: KEY, UploadId: UPLOAD_ID, PartNumber: 1, Body: BODY })));
    const tagging = await sdkRequest((c) => c.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: KEY, Tagging: { TagSet: [] } })));
    const put = await sdkRequest((c) => c.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BODY })));
    const get: WireRequest = { method: 'GET', url: `/${BUCKET}/${KEY}`, headers: { 'if-none-match': '*' }, body: Buffer.alloc(0) };

    for (const wire of [withHeaders(part, { 'if-none-match': '*' }), withHeaders(tagging, { 'if-none-match': '*' }), put, get]) {
      expect(writtenIfNoObject(asS3Request(wire))).toBeUndefined();
    }
  });

  it('refuses a value other than * and If-Match with it as S3 does, 501 NotImplemented naming the header', async () => {
    const put = await putIfNoObject();

    expect(() => writtenIfNoObject(asS3Request(withHeaders(put, { 'if-none-match': '"6805f2cfc46c0f04559748bb039d69ae"' })))).toThrow(
      expect.objectContaining({
        status: 501,
        code: 'NotImplemented',
        message: 'A header you provided implies functionality that is not implemented',
        details: { Header: 'If-None-Match', additionalMessage: "We don't accept the provided value of If-None-Match header for this API" },
      }),
    );
    expect(() => writtenIfNoObject(asS3Request(withHeaders(put, { 'if-match': '"abc"' })))).toThrow(
      expect.objectContaining({ status: 501, code: 'NotImplemented', details: expect.objectContaining({ Header: 'If-Match,If-None-Match' }) }),
    );
  });
});

describe('the S3 front on conditional writes', () => {
  let dir: string;
  let front: AsyncIntercept;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 's3-conditional-'));
    mkdirSync(join(dir, BUCKET));
    front = s3FrontIntercept({ dataDir: dir, accounts: LOCAL_ACCOUNTS });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** An object as s3rver stores it. */
  const storeObject = (key: string) => {
    const file = join(dir, BUCKET, `${key}._S3rver_object`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'stored before');
  };
  const send = (wire: WireRequest) => front({ method: wire.method, url: wire.url, headers: wire.headers } as IncomingMessage, wire.body);
  const xmlOf = (answer: LocalAnswer | Rewrite | undefined) => (answer && 'status' in answer ? { status: answer.status, body: answer.body ?? '' } : undefined);

  it('answers a conditional PUT for a key that holds an object 412 PreconditionFailed in S3 XML, and passes nothing on', async () => {
    storeObject(KEY);

    const answer = xmlOf(await send(await putIfNoObject()));

    expect(answer?.status).toBe(412);
    expect(answer?.body).toContain('<Code>PreconditionFailed</Code>');
    expect(answer?.body).toContain('<Message>At least one of the pre-conditions you specified did not hold</Message>');
    expect(answer?.body).toContain('<Condition>If-None-Match</Condition>');
  });

  it('passes a conditional PUT for an empty key on, and an unconditional PUT whatever the key holds', async () => {
    storeObject('other.fq');
    const unconditional = await sdkRequest((c) => c.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'other.fq', Body: BODY })), {
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });

    const conditional = await send(await putIfNoObject());

    expect(conditional).toMatchObject({ forward: { body: BODY } });
    (conditional as Rewrite).forward.onSettled?.();
    expect(await send(unconditional)).toBeUndefined();
  });

  it('of two conditional PUTs at once, lets the first store and answers the second 412 once the first is stored', async () => {
    const first = await send(await putIfNoObject());
    const second: { answer?: LocalAnswer | Rewrite | undefined } = {};
    const secondDone = send(await putIfNoObject()).then((answer) => (second.answer = answer));
    await new Promise((r) => setTimeout(r, 50));
    const answeredWhileTheFirstWasStoring = 'answer' in second;

    // s3rver stores the first, and its answer goes back to the client.
    storeObject(KEY);
    (first as Rewrite).forward.onSettled?.();
    await secondDone;

    expect(first).toMatchObject({ forward: { body: BODY } });
    expect(answeredWhileTheFirstWasStoring).toBe(false);
    expect(xmlOf(second.answer)?.status).toBe(412);
  });

  it('answers a conditional CompleteMultipartUpload for a key that holds an object 412, the upload left to complete or abort', async () => {
    const partBody = Buffer.from('part one');
    const etag = createHash('md5').update(partBody).digest('hex');
    const uploadDir = join(dir, BUCKET, '._S3rver_uploads', UPLOAD_ID);
    mkdirSync(uploadDir, { recursive: true });
    writeFileSync(join(uploadDir, 'key'), KEY);
    writeFileSync(join(uploadDir, '1'), partBody);
    writeFileSync(join(uploadDir, '1.md5'), etag);
    const complete = (ifNoneMatch?: string) =>
      captured((c) =>
        c.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: KEY,
            UploadId: UPLOAD_ID,
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag: `"${etag}"` }] },
            ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}),
          }),
        ),
      );
    storeObject(KEY);

    const refused = xmlOf(await send(await complete('*')));
    const unconditional = await send(await complete());

    expect(refused?.status).toBe(412);
    expect(refused?.body).toContain('<Code>PreconditionFailed</Code>');
    expect(unconditional).toMatchObject({ forward: {} });
  });

  it('refuses a presigned URL that signed if-none-match when the request leaves the header out: 403 SignatureDoesNotMatch', async () => {
    const url = await presignedPut({ Bucket: BUCKET, Key: KEY, IfNoneMatch: '*' });

    const withHeader = await send(fromUrl(url, 'PUT', { 'content-length': String(BODY.length), 'if-none-match': '*' }, BODY));
    const without = xmlOf(await send(fromUrl(url, 'PUT', { 'content-length': String(BODY.length) }, BODY)));

    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('if-none-match');
    expect(withHeader).toMatchObject({ forward: { body: BODY } });
    expect(without?.status).toBe(403);
    expect(without?.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('S3rverObjects', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 's3rver-objects-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds an object where s3rver's store keeps it, and no object under another key or in a bucket that does not exist", async () => {
    mkdirSync(join(dir, BUCKET, 'uploads', 'up-1'), { recursive: true });
    writeFileSync(join(dir, BUCKET, 'uploads', 'up-1', 'NA12878 R1.fastq.gz._S3rver_object'), BODY);
    const objects = new S3rverObjects(dir);

    expect(await objects.exists(BUCKET, KEY)).toBe(true);
    expect(await objects.exists(BUCKET, 'uploads/up-1/NA12878 R2.fastq.gz')).toBe(false);
    expect(await objects.exists(BUCKET, 'uploads/up-1')).toBe(false);
    expect(await objects.exists('no-such-bucket', KEY)).toBe(false);
  });
});
