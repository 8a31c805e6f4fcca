import type { IncomingMessage } from 'node:http';
import type { LocalAnswer } from '../passthrough-proxy.ts';
import { S3Error } from './s3-error.ts';

/**
 * Test hook: S3 answering `503 SlowDown` (or `500 InternalError`) to the next
 * requests on some keys, as it does under load. `POST /__local/faults` with
 * `{ "bucket", "key_prefix", "method", "times", "code" }` arms one; `__local`
 * is no valid bucket name, so no S3 request can reach the hook. Faults are
 * taken before authentication, as S3's front end sheds load before anything.
 */
export interface S3Fault {
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly method: string;
  readonly code: 'SlowDown' | 'InternalError';
  remaining: number;
}

const ERRORS = {
  SlowDown: () => new S3Error(503, 'SlowDown', 'Please reduce your request rate.'),
  InternalError: () => new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.'),
} as const;

export const FAULTS_PATH = '/__local/faults';

export class S3Faults {
  private readonly faults: S3Fault[] = [];

  /** Arms a fault from the hook's JSON body; answers the hook's reply. */
  arm(body: Buffer): LocalAnswer {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { status: 400, body: 'the body must be JSON' };
    }
    const { bucket, key_prefix: keyPrefix = '', method = 'PUT', times = 1, code = 'SlowDown' } = input;
    if (typeof bucket !== 'string' || typeof keyPrefix !== 'string' || typeof method !== 'string' || typeof times !== 'number' || !(code === 'SlowDown' || code === 'InternalError')) {
      return { status: 400, body: 'expected { bucket, key_prefix?, method?, times?, code?: SlowDown | InternalError }' };
    }
    this.faults.push({ bucket, keyPrefix, method: method.toUpperCase(), code, remaining: times });
    return { status: 204 };
  }

  /** The error for this request, if an armed fault matches it (each match uses one of its times). */
  take(req: IncomingMessage): S3Error | undefined {
    if (this.faults.length === 0) return undefined;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname.slice(1));
    } catch {
      return undefined; // Not a URL S3 can decode: the front answers it InvalidURI.
    }
    const [bucket = '', ...rest] = path.split('/');
    const key = rest.join('/');
    const fault = this.faults.find((f) => f.remaining > 0 && f.method === req.method && f.bucket === bucket && key.startsWith(f.keyPrefix));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return ERRORS[fault.code]();
  }
}
