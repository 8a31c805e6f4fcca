import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AsyncIntercept, LocalAnswer, Rewrite } from '../passthrough-proxy.ts';
import { authenticate } from './authenticate.ts';
import { FAULTS_PATH, S3Faults } from './faults.ts';
import { checkChecksums } from './checksums.ts';
import { writtenIfNoObject, type WrittenObject } from './conditional-write.ts';
import { lockUpload, multipartAnswer } from './multipart/multipart.ts';
import { S3rverUploads } from './multipart/s3rver-uploads.ts';
import { UploadLocks } from './multipart/upload-locks.ts';
import { readPayload, type Payload } from './payload.ts';
import { refusals } from './refusals.ts';
import { errorAnswer, S3Error } from './s3-error.ts';
import { parseS3Request } from './s3-request.ts';
import { S3rverObjects } from './s3rver-objects.ts';

export interface S3FrontOptions {
  /** s3rver's data directory: the front reads multipart uploads where s3rver keeps them. */
  readonly dataDir: string;
  /** Access key → secret key of the accounts the local S3 knows. */
  readonly accounts: Readonly<Record<string, string>>;
  /** The one region the local S3 serves. @default 'us-east-1' */
  readonly region?: string;
  readonly now?: () => Date;
}

/** S3's rules for bucket names; anything else in the first path segment is InvalidBucketName. */
const BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * The checks S3 makes before it serves a request, which s3rver skips:
 * SigV4 signatures (header and presigned), payload hashes, aws-chunked
 * bodies, flexible checksums, multipart completions and conditional writes
 * (`If-None-Match: *`, evaluated last, when the write would commit). A
 * refused request gets S3's XML error and never reaches s3rver; an accepted
 * one goes through unchanged, or with its aws-chunked body decoded.
 */
export function s3FrontIntercept(options: S3FrontOptions): AsyncIntercept {
  const uploads = new S3rverUploads(options.dataDir);
  const locks = new UploadLocks();
  const objects = new S3rverObjects(options.dataDir);
  // One lock per key for conditional writes: of two at once, the first to finish stores, the other finds its object.
  const keyLocks = new UploadLocks();
  const region = options.region ?? 'us-east-1';
  const now = options.now ?? (() => new Date());
  const faults = new S3Faults();

  const admit = async (req: IncomingMessage, received: Buffer): Promise<LocalAnswer | Rewrite | undefined> => {
    const request = parseS3Request(req, received);
    if (request.bucket !== undefined && !BUCKET_NAME.test(request.bucket)) throw refusals.invalidBucketName(request.bucket);
    const authenticated = await authenticate(request, { accounts: options.accounts, region, now: now() });
    const payload = await readPayload(request, authenticated);
    await checkChecksums(request, authenticated.auth, payload);
    const ifNoObject = writtenIfNoObject(request);
    const release = releasingBoth(await lockUpload(request, locks), ifNoObject && (await keyLocks.exclusive(`${ifNoObject.bucket}/${ifNoObject.key}`)));
    try {
      const answer = await multipartAnswer({ ...request, body: payload.body }, uploads);
      if (answer) release?.();
      if (!answer && ifNoObject) await requireNoObject(objects, ifNoObject);
      if (answer || (!release && !payload.decoded)) return answer;
      const headers = payload.decoded ? decodedHeaders(req.headers, payload) : req.headers;
      return { forward: { headers, body: payload.body, ...(release ? { onSettled: release } : {}) } };
    } catch (error) {
      release?.();
      throw error;
    }
  };

  return async (req, received) => {
    // A CORS preflight carries no credentials by design; s3rver answers it from the bucket's CORS rules.
    if (req.method === 'OPTIONS') return undefined;
    if (req.method === 'POST' && req.url === FAULTS_PATH) return faults.arm(received);
    const fault = faults.take(req);
    if (fault) return errorAnswer(fault);
    return admit(req, received).catch((error: unknown) => {
      if (error instanceof S3Error) return errorAnswer(error);
      throw error;
    });
  };
}

/** `If-None-Match: *` holds when no object is stored under the key; otherwise S3 answers 412 and stores nothing. */
async function requireNoObject(objects: S3rverObjects, { bucket, key }: WrittenObject): Promise<void> {
  if (await objects.exists(bucket, key)) throw refusals.preconditionFailed('If-None-Match');
}

function releasingBoth(first: (() => void) | undefined, second: (() => void) | undefined): (() => void) | undefined {
  if (!first || !second) return first ?? second;
  return () => {
    first();
    second();
  };
}

/** The headers of a request whose aws-chunked body was decoded: what s3rver would get from S3's own front end. */
function decodedHeaders(headers: IncomingHttpHeaders, payload: Payload): IncomingHttpHeaders {
  const {
    'content-encoding': contentEncoding,
    'transfer-encoding': _transferEncoding,
    'x-amz-decoded-content-length': _decodedLength,
    'x-amz-trailer': _trailer,
    ...rest
  } = headers;
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e !== 'aws-chunked');
  return {
    ...rest,
    ...(encodings.length > 0 ? { 'content-encoding': encodings.join(',') } : {}),
    'content-length': String(payload.body.length),
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  };
}
