import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { Crc32 } from '@smithy/core/checksum';
import type { Checksum } from '@smithy/types';
import type { SignedAuth } from './auth-params.ts';
import type { Payload } from './payload.ts';
import { refusals } from './refusals.ts';
import { queryParamIgnoringCase, type S3Request } from './s3-request.ts';

interface Algorithm {
  /** As S3 names it in its messages. */
  readonly name: string;
  readonly digest: (body: Buffer) => Promise<Buffer>;
}

/** The flexible checksums S3 verifies, by the suffix of their `x-amz-checksum-<suffix>` header. */
const ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  crc32: { name: 'CRC32', digest: crc32 },
  crc32c: { name: 'CRC32C', digest: (body) => sdkDigest(new Crc32c(), body) },
  crc64nvme: { name: 'CRC64NVME', digest: (body) => sdkDigest(new Crc64Nvme(), body) },
  sha1: { name: 'SHA1', digest: async (body) => createHash('sha1').update(body).digest() },
  sha256: { name: 'SHA256', digest: async (body) => createHash('sha256').update(body).digest() },
};

interface ClaimedChecksum {
  readonly suffix: string;
  readonly value: string;
}

/**
 * Checks the body against every checksum the request claims, as S3 does:
 * `x-amz-checksum-<algorithm>` in a header, in the query of a presigned URL
 * or in an aws-chunked trailer (400 BadDigest when it does not match), and
 * Content-MD5.
 */
export async function checkChecksums(request: S3Request, auth: SignedAuth, payload: Payload): Promise<void> {
  const claimed = claimedChecksums(request, auth, payload);
  if (new Set(claimed.map((c) => c.suffix)).size > 1) {
    throw refusals.invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  }
  checkSdkAlgorithm(request, auth, claimed);
  for (const { suffix, value } of claimed) {
    const algorithm = ALGORITHMS[suffix];
    if (!algorithm) continue;
    const digest = await algorithm.digest(payload.body);
    if (!isBase64Of(value, digest.length)) throw refusals.invalidRequest(`Value for x-amz-checksum-${suffix} header is invalid.`);
    if (value !== digest.toString('base64')) throw refusals.badDigest(algorithm.name);
  }
  checkContentMd5(request.headers['content-md5'], payload.body);
}

function claimedChecksums(request: S3Request, auth: SignedAuth, payload: Payload): ClaimedChecksum[] {
  const fromHeaders = Object.entries(request.headers);
  // A presigned URL carries x-amz-* values as query parameters; S3 reads them as headers.
  const fromQuery = auth.via === 'query' ? request.query.map(([name, value]) => [name.toLowerCase(), value] as const) : [];
  const fromTrailers = Object.entries(payload.trailers);
  return [...fromHeaders, ...fromQuery, ...fromTrailers].flatMap(([name, value]) => {
    const suffix = name.startsWith('x-amz-checksum-') ? name.slice('x-amz-checksum-'.length) : undefined;
    return suffix !== undefined && Object.hasOwn(ALGORITHMS, suffix) ? [{ suffix, value }] : [];
  });
}

/** `x-amz-sdk-checksum-algorithm` promises a checksum of that algorithm (as a value or an announced trailer). */
function checkSdkAlgorithm(request: S3Request, auth: SignedAuth, claimed: readonly ClaimedChecksum[]): void {
  const header = request.headers['x-amz-sdk-checksum-algorithm'];
  const promised = (header ?? (auth.via === 'query' ? queryParamIgnoringCase(request, 'x-amz-sdk-checksum-algorithm') : undefined))?.toLowerCase();
  if (promised === undefined) return;
  const announced = (request.headers['x-amz-trailer'] ?? '').toLowerCase().includes(`x-amz-checksum-${promised}`);
  if (!announced && !claimed.some((c) => c.suffix === promised)) {
    throw refusals.invalidRequest('x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.');
  }
}

function checkContentMd5(contentMd5: string | undefined, body: Buffer): void {
  if (contentMd5 === undefined) return;
  if (!isBase64Of(contentMd5, 16)) throw refusals.invalidDigest(contentMd5);
  if (contentMd5 !== createHash('md5').update(body).digest('base64')) throw refusals.badContentMd5();
}

function isBase64Of(value: string, length: number): boolean {
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === length && bytes.toString('base64') === value;
}

async function crc32(body: Buffer): Promise<Buffer> {
  // zlib.crc32 arrived in Node 20.15 / 22.2; the SDK's own CRC32 covers older runtimes.
  if (typeof zlib.crc32 !== 'function') return sdkDigest(new Crc32(), body);
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(zlib.crc32(body));
  return digest;
}

async function sdkDigest(checksum: Checksum, body: Buffer): Promise<Buffer> {
  checksum.update(body);
  return Buffer.from(await checksum.digest());
}
