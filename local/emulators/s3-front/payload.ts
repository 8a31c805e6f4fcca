import { createHash } from 'node:crypto';
import type { Authenticated } from './authenticate.ts';
import { parseAwsChunked, type AwsChunkedBody } from './aws-chunked.ts';
import { refusals } from './refusals.ts';
import type { S3Request } from './s3-request.ts';

/** The bytes a request stores, once its transfer encoding is undone and its payload hash checked. */
export interface Payload {
  readonly body: Buffer;
  /** Trailing headers of an aws-chunked body (lower-case names), signature excluded. */
  readonly trailers: Readonly<Record<string, string>>;
  /** True when `body` is not what arrived (an aws-chunked body decoded). */
  readonly decoded: boolean;
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const STREAMING_MODES = {
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER': { signedChunks: false, trailer: true },
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD': { signedChunks: true, trailer: false },
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER': { signedChunks: true, trailer: true },
} as const;
type StreamingMode = keyof typeof STREAMING_MODES;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

/**
 * Checks the body against the payload hash the request signed, as S3 does:
 * a hex SHA-256 must match the body, UNSIGNED-PAYLOAD is taken as is, and a
 * STREAMING-… body is decoded from aws-chunked with each chunk signature
 * (and the trailer's) verified in the chain that starts at the request's.
 */
export async function readPayload(request: S3Request, authenticated: Authenticated): Promise<Payload> {
  const mode = authenticated.payloadHash;
  if (mode === UNSIGNED_PAYLOAD) return { body: request.body, trailers: {}, decoded: false };
  if (/^[0-9a-fA-F]{64}$/.test(mode)) {
    const computed = createHash('sha256').update(request.body).digest('hex');
    if (computed !== mode.toLowerCase()) throw refusals.contentSha256Mismatch(mode, computed);
    return { body: request.body, trailers: {}, decoded: false };
  }
  if (isStreamingMode(mode)) return readStreamingPayload(request, authenticated, mode);
  throw refusals.invalidArgument(
    `x-amz-content-sha256 must be ${UNSIGNED_PAYLOAD}, ${Object.keys(STREAMING_MODES).join(', ')} or a valid sha256 value.`,
    'x-amz-content-sha256',
    mode,
  );
}

function isStreamingMode(mode: string): mode is StreamingMode {
  return Object.hasOwn(STREAMING_MODES, mode);
}

async function readStreamingPayload(request: S3Request, authenticated: Authenticated, mode: StreamingMode): Promise<Payload> {
  const { signedChunks, trailer } = STREAMING_MODES[mode];
  const declaredLength = request.headers['x-amz-decoded-content-length'];
  if (declaredLength === undefined || !/^\d+$/.test(declaredLength)) {
    throw refusals.invalidRequest('You must provide the x-amz-decoded-content-length header for a STREAMING upload.');
  }
  const parsed = parseAwsChunked(request.body);
  const lastSignature = signedChunks ? await verifyChunkSignatures(parsed, authenticated) : undefined;
  const trailers = new Map(parsed.trailers);
  if (trailer && lastSignature !== undefined) await verifyTrailerSignature(parsed, trailers, lastSignature, authenticated);
  trailers.delete(TRAILER_SIGNATURE);
  checkDeclaredTrailers(request, trailers, trailer);
  const body = Buffer.concat(parsed.chunks.map((chunk) => chunk.data));
  if (body.length !== Number(declaredLength)) throw refusals.incompleteBody();
  return { body, trailers: Object.fromEntries(trailers), decoded: true };
}

/** Each chunk signs its data and the signature before it; returns the last one, which the trailer chains from. */
async function verifyChunkSignatures(parsed: AwsChunkedBody, { auth, check }: Authenticated): Promise<string> {
  let previous = auth.signature;
  for (const chunk of parsed.chunks) {
    const expected = await check.chunkSignature(chunk.data, previous, auth.credential, auth);
    if (chunk.signature !== expected) {
      throw refusals.signatureDoesNotMatch({ AWSAccessKeyId: auth.credential.accessKeyId, SignatureProvided: chunk.signature ?? '' });
    }
    previous = expected;
  }
  return previous;
}

async function verifyTrailerSignature(
  parsed: AwsChunkedBody,
  trailers: ReadonlyMap<string, string>,
  previous: string,
  { auth, check }: Authenticated,
): Promise<void> {
  const provided = trailers.get(TRAILER_SIGNATURE);
  const canonical = parsed.trailers
    .filter(([name]) => name !== TRAILER_SIGNATURE)
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const expected = await check.trailerSignature(canonical, previous, auth.credential, auth);
  if (provided !== expected) {
    throw refusals.signatureDoesNotMatch({ AWSAccessKeyId: auth.credential.accessKeyId, SignatureProvided: provided ?? '' });
  }
}

/** The trailers sent must be the ones `x-amz-trailer` announced, no more and no fewer. */
function checkDeclaredTrailers(request: S3Request, trailers: ReadonlyMap<string, string>, trailerMode: boolean): void {
  const declared = (request.headers['x-amz-trailer'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (!trailerMode && declared.length > 0) throw refusals.malformedTrailer();
  const sent = [...trailers.keys()];
  if (declared.length !== sent.length || declared.some((name) => !trailers.has(name))) throw refusals.malformedTrailer();
}
