import { createHash } from 'node:crypto';
import { PutObjectCommand, type ChecksumAlgorithm, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { fromUrl, presignedPut, sdkRequest, signedByHand, verify } from './s3-sdk-requests.ts';

const BUCKET = 'portico-local-acme-1234abcd';
const DATA = Buffer.from('@read1\nACGTACGTAC\n+\nIIIIIIIIII\n');
const put = (input: Partial<PutObjectCommandInput> = {}) => new PutObjectCommand({ Bucket: BUCKET, Key: 'reads.fq', Body: DATA, ...input });
const noDefaultChecksums = { requestChecksumCalculation: 'WHEN_REQUIRED' as const };

describe('flexible checksums', () => {
  it('refuses the CRC32 of an empty body (AAAAAA==) that the default presigner signs, once a real body arrives', async () => {
    const url = await presignedPut({ Bucket: BUCKET, Key: 'reads.fq' }, { config: { requestChecksumCalculation: 'WHEN_SUPPORTED' } });
    const send = (body: Buffer) => fromUrl(url, 'PUT', { 'content-length': String(body.length) }, body);

    expect(url.searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    await expect(verify(send(DATA))).rejects.toMatchObject({ status: 400, code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' });
    await expect(verify(send(Buffer.alloc(0)))).resolves.toBeDefined();
  });

  it.each<[ChecksumAlgorithm, string]>([
    ['CRC32', 'crc32'],
    ['CRC32C', 'crc32c'],
    ['CRC64NVME', 'crc64nvme'],
    ['SHA1', 'sha1'],
    ['SHA256', 'sha256'],
  ])('accepts the %s the SDK computes, and refuses one of another body with 400 BadDigest', async (algorithm, suffix) => {
    const right = await sdkRequest((s3) => s3.send(put({ ChecksumAlgorithm: algorithm })));
    const wrong = await sdkRequest((s3) => s3.send(put({ [`Checksum${algorithm}`]: right.headers[`x-amz-checksum-${suffix}`], Body: Buffer.from('other') })), noDefaultChecksums);

    await expect(verify(right)).resolves.toMatchObject({ body: DATA });
    await expect(verify(wrong)).rejects.toMatchObject({ status: 400, code: 'BadDigest', message: `The ${algorithm} you specified did not match the calculated checksum.` });
  });

  it('refuses a checksum value that is not one of its algorithm with 400 InvalidRequest', async () => {
    const wire = await sdkRequest((s3) => s3.send(put({ ChecksumSHA256: 'AAAAAA==' })), noDefaultChecksums);

    await expect(verify(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidRequest', message: 'Value for x-amz-checksum-sha256 header is invalid.' });
  });

  it('refuses two checksum algorithms in one request with 400 InvalidRequest', async () => {
    const sdk = await sdkRequest((s3) => s3.send(put({ ChecksumAlgorithm: 'CRC32' })));
    const wire = await signedByHand(
      'PUT',
      `/${BUCKET}/reads.fq`,
      { 'x-amz-checksum-crc32': sdk.headers['x-amz-checksum-crc32'] ?? '', 'x-amz-checksum-sha256': createHash('sha256').update(DATA).digest('base64') },
      DATA,
    );

    await expect(verify(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidRequest', message: expect.stringContaining('Multiple checksum Types') });
  });

  it('refuses x-amz-sdk-checksum-algorithm without the checksum it promises, with 400 InvalidRequest', async () => {
    const wire = await signedByHand('PUT', `/${BUCKET}/reads.fq`, { 'x-amz-sdk-checksum-algorithm': 'CRC32' }, DATA);

    await expect(verify(wire)).rejects.toMatchObject({ status: 400, code: 'InvalidRequest', message: expect.stringContaining('x-amz-sdk-checksum-algorithm specified') });
  });
});

describe('Content-MD5', () => {
  const md5 = (data: Buffer) => createHash('md5').update(data).digest('base64');

  it('accepts the MD5 of the body, refuses another with 400 BadDigest and a malformed one with 400 InvalidDigest', async () => {
    const right = await sdkRequest((s3) => s3.send(put({ ContentMD5: md5(DATA) })), noDefaultChecksums);
    const wrong = await sdkRequest((s3) => s3.send(put({ ContentMD5: md5(Buffer.from('other')) })), noDefaultChecksums);
    const malformed = await sdkRequest((s3) => s3.send(put({ ContentMD5: 'not-md5' })), noDefaultChecksums);

    await expect(verify(right)).resolves.toBeDefined();
    await expect(verify(wrong)).rejects.toMatchObject({ status: 400, code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' });
    await expect(verify(malformed)).rejects.toMatchObject({ status: 400, code: 'InvalidDigest' });
  });
});
