import { PassthroughProxy } from './passthrough-proxy.ts';
import { S3RVER_CREDENTIALS } from './s3.ts';
import { internalErrorAnswer } from './s3-front/s3-error.ts';
import { s3FrontIntercept, type S3FrontOptions } from './s3-front/s3-front.ts';

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
  return new PassthroughProxy(port, upstreamPort, intercept, { name: 'local-s3', onError: internalErrorAnswer });
}
