import { timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@smithy/types';
import { readAuth, type SignedAuth } from './auth-params.ts';
import { isoSeconds, refusals } from './refusals.ts';
import { SignatureCheck } from './signature-check.ts';
import { queryParamIgnoringCase, type S3Request } from './s3-request.ts';

export interface AuthContext {
  /** Access key → secret key of the accounts the local S3 knows. */
  readonly accounts: Readonly<Record<string, string>>;
  /** The one region the local S3 serves. */
  readonly region: string;
  readonly now: Date;
}

/** A request whose signature verified, and what its body must be checked against. */
export interface Authenticated {
  readonly auth: SignedAuth;
  readonly check: SignatureCheck;
  /** `x-amz-content-sha256` as signed: a hex digest, UNSIGNED-PAYLOAD or a STREAMING-… mode. */
  readonly payloadHash: string;
}

const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * Verifies a request's SigV4 signature as S3 does, in order: the shape of
 * its authentication, the access key, its time, the headers it left
 * unsigned, then the signature over the request as received. Every local
 * bucket is private, so an anonymous request is refused.
 */
export async function authenticate(request: S3Request, context: AuthContext): Promise<Authenticated> {
  const auth = readAuth(request, context.region);
  if (!auth) throw refusals.accessDenied();
  const accessKeyId = auth.credential.accessKeyId;
  const secret = Object.hasOwn(context.accounts, accessKeyId) ? context.accounts[accessKeyId] : undefined;
  if (secret === undefined) throw refusals.invalidAccessKeyId(accessKeyId);
  // The local accounts are long-term keys: a session token cannot belong to them.
  if (auth.sessionToken !== undefined) throw refusals.invalidToken();
  checkTime(auth, context.now);
  checkAmzHeadersSigned(request, auth);

  const payloadHash = signedPayloadHash(request, auth);
  const check = new SignatureCheck(accessKeyId, secret);
  const expected = await check.expected(signableRequest(request, auth), auth.signedHeaders, payloadHash, auth.credential, auth);
  if (!sameSignature(expected.signature, auth.signature)) {
    throw refusals.signatureDoesNotMatch({
      AWSAccessKeyId: accessKeyId,
      StringToSign: expected.stringToSign,
      SignatureProvided: auth.signature,
      CanonicalRequest: expected.canonicalRequest,
    });
  }
  return { auth, check, payloadHash };
}

function checkTime(auth: SignedAuth, now: Date): void {
  const signedAt = auth.signedAt.getTime();
  if (auth.via === 'header') {
    if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS) throw refusals.requestTimeTooSkewed(auth.longDate, now);
    return;
  }
  if (signedAt - now.getTime() > MAX_SKEW_MS) {
    throw refusals.accessDenied('Request is not yet valid', { 'X-Amz-Date': auth.longDate, ServerTime: isoSeconds(now) });
  }
  const expiresAt = new Date(signedAt + (auth.expiresSeconds ?? 0) * 1000);
  if (now > expiresAt) {
    throw refusals.accessDenied('Request has expired', {
      'X-Amz-Expires': String(auth.expiresSeconds),
      Expires: isoSeconds(expiresAt),
      ServerTime: isoSeconds(now),
    });
  }
}

/** S3 refuses an `x-amz-*` header the signature does not cover: it could change what the request does. */
function checkAmzHeadersSigned(request: S3Request, auth: SignedAuth): void {
  const signed = new Set(auth.signedHeaders);
  const unsigned = Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !signed.has(name));
  if (unsigned.length > 0) {
    throw refusals.accessDenied('There were headers present in the request which were not signed', { HeadersNotSigned: unsigned.join(', ') });
  }
}

/**
 * The payload line of the canonical request. Header authentication names it
 * in x-amz-content-sha256 (required); a presigned URL may carry it as a
 * header or query parameter and is otherwise UNSIGNED-PAYLOAD.
 */
function signedPayloadHash(request: S3Request, auth: SignedAuth): string {
  const header = request.headers['x-amz-content-sha256'];
  if (auth.via === 'header') {
    if (header === undefined) throw refusals.invalidRequest('Missing required header for this request: x-amz-content-sha256');
    return header;
  }
  return header ?? queryParamIgnoringCase(request, 'X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
}

/** The request as the signer sees it: its canonical path, its query and only the headers it signed. */
function signableRequest(request: S3Request, auth: SignedAuth): HttpRequest {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.query) {
    if (auth.via === 'query' && name === 'X-Amz-Signature') continue;
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const [hostname = '', port] = (request.headers.host ?? '').split(':');
  return { method: request.method, protocol: 'http:', hostname, ...(port ? { port: Number(port) } : {}), path: request.canonicalPath, query, headers };
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}
