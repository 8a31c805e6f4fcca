import { Readable } from 'node:stream';
import { PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { sdkRequest, signedByHand, verify, type WireRequest } from './s3-sdk-requests.ts';

const BUCKET = 'portico-local-acme-1234abcd';
const DATA = Buffer.from('@read1\nACGTACGTAC\n+\nIIIIIIIIII\n'.repeat(40));

const stream = (data: Buffer) => Readable.from([data.subarray(0, 100), data.subarray(100)]);

describe('what the SDK sends, header-signed', () => {
  it.each([
    ['PutObject, buffer body, default CRC32 header', (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: DATA })), {}],
    ['PutObject, buffer body, no checksum', (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: DATA })), { requestChecksumCalculation: 'WHEN_REQUIRED' as const }],
    ['PutObject, SHA256 checksum', (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: DATA, ChecksumAlgorithm: 'SHA256' })), {}],
    ['PutObject, stream body: aws-chunked with a CRC32 trailer', (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: stream(DATA), ContentLength: DATA.length })), {}],
    [
      'PutObject, stream body, no checksum: UNSIGNED-PAYLOAD',
      (s3: S3Client) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: stream(DATA), ContentLength: DATA.length })),
      { requestChecksumCalculation: 'WHEN_REQUIRED' as const },
    ],
    ['UploadPart, buffer body', (s3: S3Client) => s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'a', UploadId: 'u', PartNumber: 1, Body: DATA })), {}],
    [
      'UploadPart, stream body',
      (s3: S3Client) => s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'a', UploadId: 'u', PartNumber: 2, Body: stream(DATA), ContentLength: DATA.length })),
      {},
    ],
  ])('accepts %s and yields the object bytes', async (_, send, config) => {
    const wire = await sdkRequest(send, config);

    const payload = await verify(wire);

    expect(payload.body).toEqual(DATA);
    expect(payload.decoded).toBe(wire.headers['x-amz-content-sha256']?.startsWith('STREAMING-') ?? false);
  });

  it('refuses a body that does not hash to the signed x-amz-content-sha256 with 400 XAmzContentSHA256Mismatch', async () => {
    const wire = await sdkRequest((s3) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: DATA })), { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const changed = Buffer.from(DATA);
    changed[0] = 0x3e;

    await expect(verify({ ...wire, body: changed })).rejects.toMatchObject({
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
      details: { ClientComputedContentSHA256: wire.headers['x-amz-content-sha256'] },
    });
  });

  it('refuses an aws-chunked body whose data no longer matches its trailing CRC32 with 400 BadDigest', async () => {
    const wire = await sdkRequest((s3) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: stream(DATA), ContentLength: DATA.length })));
    const body = Buffer.from(wire.body);
    body[body.indexOf('ACGT')] = 0x54;

    await expect(verify({ ...wire, body })).rejects.toMatchObject({ status: 400, code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' });
  });

  it('refuses an aws-chunked body shorter than x-amz-decoded-content-length, or cut short, with 400 IncompleteBody', async () => {
    const wire = await sdkRequest((s3) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: stream(DATA), ContentLength: DATA.length })));
    const cut = wire.body.subarray(0, wire.body.length - 40);

    await expect(verify({ ...wire, body: cut })).rejects.toMatchObject({ status: 400, code: 'IncompleteBody' });
  });

  it('refuses an aws-chunked body without the trailer x-amz-trailer announced, with 400 MalformedTrailerError', async () => {
    const wire = await sdkRequest((s3) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: stream(DATA), ContentLength: DATA.length })));
    const body = Buffer.from(wire.body.toString('latin1').replace(/x-amz-checksum-crc32:[^\r]*\r\n/, ''), 'latin1');

    await expect(verify({ ...wire, body })).rejects.toMatchObject({ status: 400, code: 'MalformedTrailerError' });
  });

  it('refuses an x-amz-content-sha256 that is neither a digest nor a mode it knows with 400 InvalidArgument', async () => {
    const wire = await signedByHand('PUT', `/${BUCKET}/a`, { 'x-amz-content-sha256': 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' }, DATA);

    await expect(verify(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidArgument', details: { ArgumentName: 'x-amz-content-sha256' } });
  });
});

/**
 * AWS's published examples for streaming uploads ("Signature calculations for
 * the Authorization header: transferring payload in multiple chunks", with and
 * without a trailer): 66,560 bytes of "a" in chunks of 65,536 and 1,024,
 * signed by the documentation's example key on 24 May 2013.
 */
describe("AWS's documented aws-chunked examples", () => {
  const EXAMPLE_ACCOUNT = { AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  const EXAMPLE_TIME = new Date('2013-05-24T00:00:00Z');

  function example(options: { trailer: boolean; chunkSignatures?: string[]; trailers?: string }): WireRequest {
    const [seed, signedHeaders, chunkSignatures, trailers] = options.trailer
      ? [
          '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
          'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
          [
            'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
            '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
            '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
          ],
          'x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n',
        ]
      : [
          '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
          'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
          [
            'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
            '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
            'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
          ],
          '',
        ];
    const signatures = options.chunkSignatures ?? chunkSignatures;
    const body = Buffer.concat([
      Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`),
      Buffer.alloc(65536, 'a'),
      Buffer.from(`\r\n400;chunk-signature=${signatures[1]}\r\n`),
      Buffer.alloc(1024, 'a'),
      Buffer.from(`\r\n0;chunk-signature=${signatures[2]}\r\n${options.trailers ?? trailers}\r\n`),
    ]);
    return {
      method: 'PUT',
      url: '/examplebucket/chunkObject.txt',
      headers: {
        host: 's3.amazonaws.com',
        'content-encoding': 'aws-chunked',
        'content-length': String(body.length),
        'x-amz-content-sha256': options.trailer ? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' : 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'x-amz-date': '20130524T000000Z',
        'x-amz-decoded-content-length': '66560',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        ...(options.trailer ? { 'x-amz-trailer': 'x-amz-checksum-crc32c' } : {}),
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${seed}`,
      },
      body,
    };
  }
  const verifyExample = (wire: WireRequest) => verify(wire, { accounts: EXAMPLE_ACCOUNT, now: EXAMPLE_TIME });

  it('verifies the seed and every chunk signature, and decodes the 66,560 bytes', async () => {
    const wire = example({ trailer: false });

    const payload = await verifyExample(wire);

    expect(wire.body.length).toBe(66824);
    expect(payload.body).toEqual(Buffer.alloc(66560, 'a'));
  });

  it('verifies the signed trailer and its CRC32C', async () => {
    const payload = await verifyExample(example({ trailer: true }));

    expect(payload.body).toEqual(Buffer.alloc(66560, 'a'));
    expect(payload.trailers).toEqual({ 'x-amz-checksum-crc32c': 'sOO8/Q==' });
  });

  it('refuses a chunk whose signature does not chain, with 403 SignatureDoesNotMatch', async () => {
    const wire = example({
      trailer: false,
      chunkSignatures: [
        'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
        'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
        '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      ],
    });

    await expect(verifyExample(wire)).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a changed data byte: its chunk signature no longer matches', async () => {
    const wire = example({ trailer: false });
    const body = Buffer.from(wire.body);
    body[60_000] = 0x62;

    await expect(verifyExample({ ...wire, body })).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a trailer whose signature does not match, or a signed trailer left out', async () => {
    const forged = example({
      trailer: true,
      trailers: 'x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:0000000000000000000000000000000000000000000000000000000000000000\r\n',
    });
    const missing = example({ trailer: true, trailers: '' });

    await expect(verifyExample(forged)).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    await expect(verifyExample(missing)).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });
});
