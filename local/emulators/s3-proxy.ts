import { constants as bufferConstants } from 'node:buffer';
import { PassthroughProxy, type BodyLimit } from './passthrough-proxy.ts';
import { S3RVER_CREDENTIALS } from './s3.ts';
import { refusals } from './s3-front/refusals.ts';
import { errorAnswer, internalErrorAnswer } from './s3-front/s3-error.ts';
import { s3FrontIntercept, type S3FrontOptions } from './s3-front/s3-front.ts';

/** S3's largest object in one PUT, and largest part: 5 GiB. */
const S3_MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

/**
 * The front holds a body in memory to check it, so it takes what S3 takes up to
 * the largest buffer Node can hold (4 GiB), and refuses more as S3 refuses an
 * upload over 5 GiB: 400 EntityTooLarge, before the body is read.
 */
const UPLOAD_LIMIT: BodyLimit = {
  bytes: Math.min(S3_MAX_UPLOAD_BYTES, bufferConstants.MAX_LENGTH),
  answer: (declaredBytes) => errorAnswer(refusals.entityTooLarge(declaredBytes, UPLOAD_LIMIT.bytes)),
};

/**
 * The local S3 endpoint: s3rver behind a front that checks every request as
 * S3 does (see s3-front/s3-front.ts) and answers AbortMultipartUpload, which
 * s3rver lacks. `dataDir` is s3rver's directory.
 */
export function s3Proxy(port: number, upstreamPort: number, dataDir: string, options: Partial<S3FrontOptions> = {}): PassthroughProxy {
  const intercept = s3FrontIntercept({
    dataDir,
    accounts: { [S3RVER_CREDENTIALS.accessKeyId]: S3RVER_CREDENTIALS.secretAccessKey },
    ...options,
  });
  return new PassthroughProxy(port, upstreamPort, intercept, { name: 'local-s3', onError: internalErrorAnswer, bodyLimit: UPLOAD_LIMIT });
}
