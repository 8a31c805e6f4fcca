import type { IncomingMessage } from 'node:http';
import { PassthroughProxy, type LocalAnswer } from './passthrough-proxy.ts';

/**
 * s3rver behind a pass-through proxy. s3rver has no AbortMultipartUpload;
 * S3 answers it with 204 and discards the parts. Here the parts stay on the
 * local disk, unlisted, until `npm start -- --fresh`.
 */
export function s3Proxy(port: number, upstreamPort: number): PassthroughProxy {
  return new PassthroughProxy(port, upstreamPort, (req: IncomingMessage): LocalAnswer | undefined => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'DELETE' && url.searchParams.has('uploadId')) return { status: 204 };
    return undefined;
  });
}
