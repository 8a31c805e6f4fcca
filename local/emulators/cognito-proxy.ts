import type { IncomingMessage } from 'node:http';
import { PassthroughProxy, type BodyLimit, type LocalAnswer } from './passthrough-proxy.ts';

/**
 * cognito-local behind a pass-through proxy that answers the admin calls it
 * does not implement, as Cognito does, and keeps a log of admin calls so tests
 * can assert that a removed user was really disabled and signed out.
 */
const IMPLEMENTED_HERE: Record<string, () => unknown> = {
  // Revokes the user's refresh tokens. cognito-local keeps no refresh-token
  // state to revoke, so answering success is what Cognito would do here.
  AdminUserGlobalSignOut: () => ({}),
};

export interface CognitoCall {
  readonly target: string;
  readonly body: unknown;
}

/**
 * The largest request the front reads. Cognito documents no limit on a whole
 * request, only on its members (an attribute value 2,048 bytes, 50 custom
 * attributes, an email message 20,000 characters, a password 256): every call
 * cognito-local serves fits well within 1 MiB. A larger one is refused as AWS
 * front ends refuse an oversized request: 413, an empty body, the connection closed.
 */
const MAX_REQUEST_BYTES = 1024 * 1024;
const REQUEST_TOO_LARGE: BodyLimit = { bytes: MAX_REQUEST_BYTES, answer: () => ({ status: 413 }) };

export function cognitoProxy(port: number, upstreamPort: number): PassthroughProxy {
  const calls: CognitoCall[] = [];
  const intercept = (req: IncomingMessage, body: Buffer): LocalAnswer | undefined => {
    if (req.method === 'GET' && req.url === '/__local/requests') {
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(calls) };
    }
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (target.startsWith('Admin')) calls.push({ target, body: safeJson(body) });
    const local = IMPLEMENTED_HERE[target];
    return local ? { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(local()) } : undefined;
  };
  return new PassthroughProxy(port, upstreamPort, intercept, { name: 'local-cognito', bodyLimit: REQUEST_TOO_LARGE });
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
