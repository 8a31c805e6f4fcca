import type { IncomingMessage } from 'node:http';
import { PassthroughProxy, type LocalAnswer } from './passthrough-proxy.ts';

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

export function cognitoProxy(port: number, upstreamPort: number): PassthroughProxy {
  const calls: CognitoCall[] = [];
  return new PassthroughProxy(port, upstreamPort, (req: IncomingMessage, body: Buffer): LocalAnswer | undefined => {
    if (req.method === 'GET' && req.url === '/__local/requests') {
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(calls) };
    }
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (target.startsWith('Admin')) calls.push({ target, body: safeJson(body) });
    const local = IMPLEMENTED_HERE[target];
    return local ? { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(local()) } : undefined;
  });
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
