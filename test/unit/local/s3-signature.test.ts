import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { authenticate } from '#local/emulators/s3-front/authenticate.ts';
import { asS3Request, fromUrl, LOCAL_ACCOUNTS, presignedPut, sdkRequest, verify, type WireRequest } from './s3-sdk-requests.ts';

const BUCKET = 'portico-local-acme-1234abcd';
const OTHER_BUCKET = 'portico-local-other-5678abcd';
const KEY = 'uploads/2026/01/02/up-1/NA12878 R1+(copy)!é.fastq.gz';
const BODY = Buffer.from('@r1\nACGT\n');
const signedLength = { signableHeaders: new Set(['content-length']) };

const putInput = { Bucket: BUCKET, Key: KEY, ContentLength: BODY.length };
const sendPut = (url: URL, headers: Record<string, string> = {}, body: Buffer = BODY) =>
  fromUrl(url, 'PUT', { 'content-length': String(body.length), ...headers }, body);
const check = (wire: WireRequest, now = new Date()) => authenticate(asS3Request(wire), { accounts: LOCAL_ACCOUNTS, region: 'us-east-1', now });

function withParam(url: URL, name: string, value: string | undefined): URL {
  const changed = new URL(url);
  if (value === undefined) changed.searchParams.delete(name);
  else changed.searchParams.set(name, value);
  return changed;
}


/** The signature with its last hex digit changed (always changed: a 1-in-16 chance it already ended in the digit we would write). */
const tampered = (signature: string): string => `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;

describe('presigned URLs (query authentication)', () => {
  it('accepts a PUT the SDK presigned, sent with the signed length', async () => {
    const url = await presignedPut(putInput, signedLength);

    const payload = await verify(sendPut(url));

    expect(payload.body).toEqual(BODY);
  });

  it('canonicalizes the path as S3 does: decoded, then encoded once, whatever escapes the client chose', async () => {
    const url = await presignedPut(putInput, signedLength);
    const respelled = new URL(url);
    // %75 is "u": the same key, written another way on the wire.
    respelled.pathname = url.pathname.replace('/uploads/', '/%75ploads/');

    await expect(check(sendPut(url))).resolves.toBeDefined();
    await expect(check(sendPut(respelled))).resolves.toBeDefined();
    expect(url.pathname).toContain('NA12878%20R1%2B%28copy%29%21%C3%A9.fastq.gz');
  });

  it.each([
    ['a tampered signature', (url: URL) => sendPut(withParam(url, 'X-Amz-Signature', tampered(url.searchParams.get('X-Amz-Signature') ?? '')))],
    ['another key', (url: URL) => sendPut(new URL(url.href.replace('/up-1/', '/up-2/')))],
    ['another bucket', (url: URL) => sendPut(new URL(url.href.replace(BUCKET, OTHER_BUCKET)))],
    ['another method', (url: URL) => fromUrl(url, 'POST', { 'content-length': String(BODY.length) }, BODY)],
    ['a body longer than the signed length', (url: URL) => sendPut(url, {}, Buffer.concat([BODY, Buffer.from('X')]))],
    ['a query parameter added', (url: URL) => sendPut(withParam(url, 'versionId', '1'))],
    ['a host other than the signed one', (url: URL) => sendPut(url, { host: '127.0.0.1:9999' })],
  ])('refuses %s with 403 SignatureDoesNotMatch', async (_, tamper) => {
    const url = await presignedPut(putInput, signedLength);

    await expect(check(tamper(url))).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an x-amz-* header the URL did not sign', async () => {
    const url = await presignedPut(putInput, signedLength);

    await expect(check(sendPut(url, { 'x-amz-acl': 'public-read' }))).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'There were headers present in the request which were not signed',
      details: { HeadersNotSigned: 'x-amz-acl' },
    });
  });

  it('refuses an unknown access key with 403 InvalidAccessKeyId, and a wrong secret with SignatureDoesNotMatch', async () => {
    const unknown = await presignedPut(putInput, { ...signedLength, config: { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'S3RVER' } } });
    const wrongSecret = await presignedPut(putInput, { ...signedLength, config: { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'guess' } } });

    await expect(check(sendPut(unknown))).rejects.toMatchObject({ status: 403, code: 'InvalidAccessKeyId', details: { AWSAccessKeyId: 'AKIDUNKNOWN' } });
    await expect(check(sendPut(wrongSecret))).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('accepts a URL until its expiry and refuses it after with 403 AccessDenied "Request has expired"', async () => {
    const signingDate = new Date('2026-03-01T10:00:00Z');
    const url = await presignedPut(putInput, { ...signedLength, expiresIn: 60, signingDate });

    await expect(check(sendPut(url), new Date('2026-03-01T10:01:00Z'))).resolves.toBeDefined();
    await expect(check(sendPut(url), new Date('2026-03-01T10:01:01Z'))).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
      details: { 'X-Amz-Expires': '60', Expires: '2026-03-01T10:01:00Z', ServerTime: '2026-03-01T10:01:01Z' },
    });
  });

  it('refuses a URL dated more than 15 minutes in the future', async () => {
    const url = await presignedPut(putInput, { ...signedLength, signingDate: new Date('2026-03-01T10:00:00Z') });

    await expect(check(sendPut(url), new Date('2026-03-01T09:44:00Z'))).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request is not yet valid',
    });
  });

  it('refuses X-Amz-Expires over a week with 400 AuthorizationQueryParametersError', async () => {
    const url = await presignedPut(putInput, signedLength);

    await expect(check(sendPut(withParam(url, 'X-Amz-Expires', '604801')))).rejects.toMatchObject({
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: expect.stringContaining('604800 seconds'),
    });
    await expect(check(sendPut(withParam(url, 'X-Amz-Expires', '-1')))).rejects.toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' });
  });

  it.each(['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Expires'])(
    'refuses a URL without %s with 400 AuthorizationQueryParametersError',
    async (name) => {
      const url = await presignedPut(putInput, signedLength);

      await expect(check(sendPut(withParam(url, name, undefined)))).rejects.toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' });
    },
  );

  it('refuses a credential scoped to another region, naming the one expected', async () => {
    const url = await presignedPut(putInput, { ...signedLength, config: { region: 'eu-west-1' } });

    await expect(check(sendPut(url))).rejects.toMatchObject({
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: "Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
    });
  });
});

describe('requests without SigV4', () => {
  it('refuses an anonymous request: every local bucket is private', async () => {
    const url = await presignedPut(putInput, signedLength);
    const bare = new URL(url.pathname, url);

    await expect(check(sendPut(bare))).rejects.toMatchObject({ status: 403, code: 'AccessDenied', message: 'Access Denied' });
  });

  it('refuses SigV2 with 400 InvalidRequest, and two mechanisms at once with 400 InvalidArgument', async () => {
    const url = await presignedPut(putInput, signedLength);
    const v2 = new URL(`${url.pathname}?AWSAccessKeyId=S3RVER&Expires=9999999999&Signature=abc`, url);

    await expect(check(sendPut(v2))).rejects.toMatchObject({ status: 400, code: 'InvalidRequest' });
    await expect(check(sendPut(v2, { authorization: 'AWS S3RVER:abc' }))).rejects.toMatchObject({ status: 400, code: 'InvalidArgument' });
    await expect(check(sendPut(url, { authorization: 'AWS4-HMAC-SHA256 Credential=x' }))).rejects.toMatchObject({ status: 400, code: 'InvalidArgument' });
  });
});

describe('header authentication', () => {
  const putObject = () => new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BODY });

  it('accepts what the SDK sends, with its default checksums and without', async () => {
    await expect(verify(await sdkRequest((s3) => s3.send(putObject())))).resolves.toMatchObject({ body: BODY });
    await expect(verify(await sdkRequest((s3) => s3.send(putObject()), { requestChecksumCalculation: 'WHEN_REQUIRED' }))).resolves.toMatchObject({ body: BODY });
    await expect(verify(await sdkRequest((s3) => s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }))))).resolves.toMatchObject({ body: Buffer.alloc(0) });
  });

  it.each([
    ['a signed header changed', (wire: WireRequest) => ({ ...wire, headers: { ...wire.headers, 'content-type': 'text/plain' } })],
    ['the key changed', (wire: WireRequest) => ({ ...wire, url: wire.url.replace('/up-1/', '/up-2/') })],
    ['the bucket changed', (wire: WireRequest) => ({ ...wire, url: wire.url.replace(BUCKET, OTHER_BUCKET) })],
  ])('refuses %s with 403 SignatureDoesNotMatch, showing the canonical request it computed', async (_, tamper) => {
    const wire = tamper(await sdkRequest((s3) => s3.send(putObject())));

    const refusal = await check(wire).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', details: { AWSAccessKeyId: 'S3RVER' } });
    expect((refusal as { details: { CanonicalRequest: string } }).details.CanonicalRequest).toMatch(/^PUT\n\/portico-local-/);
  });

  it('refuses a request signed more than 15 minutes away from the server clock with 403 RequestTimeTooSkewed', async () => {
    const wire = await sdkRequest((s3) => s3.send(putObject()));

    await expect(check(wire, new Date(Date.now() + 16 * 60 * 1000))).rejects.toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    await expect(check(wire, new Date(Date.now() + 14 * 60 * 1000))).resolves.toBeDefined();
  });

  it('requires x-amz-content-sha256, as S3 does for SigV4', async () => {
    const signed = await sdkRequest((s3) => s3.send(putObject()));
    const { 'x-amz-content-sha256': _, ...headers } = signed.headers;
    const wire = { ...signed, headers };

    await expect(check(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' });
  });

  it('refuses a session token: the local accounts have none', async () => {
    const wire = await sdkRequest((s3) => s3.send(putObject()), { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', sessionToken: 'token' } });

    await expect(check(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidToken' });
  });
});
