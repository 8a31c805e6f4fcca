import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client, type PutObjectCommandInput, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { authenticate } from '#local/emulators/s3-front/authenticate.ts';
import { checkChecksums } from '#local/emulators/s3-front/checksums.ts';
import { readPayload, type Payload } from '#local/emulators/s3-front/payload.ts';
import { parseS3Request, type S3Request } from '#local/emulators/s3-front/s3-request.ts';

export const LOCAL_ACCOUNTS = { S3RVER: 'S3RVER' } as const;
export const ENDPOINT = 'http://127.0.0.1:4566';


/** An S3 client as handlers and tests build it for the local S3. */
export function sdkClient(config: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    endpoint: ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...config,
  });
}

export interface WireRequest {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** What the SDK puts on the wire for the call `send` makes: the request is captured instead of sent. */
export async function sdkRequest(send: (client: S3Client) => Promise<unknown>, config: Partial<S3ClientConfig> = {}): Promise<WireRequest> {
  let captured: HttpRequest | undefined;
  const client = sdkClient({
    ...config,
    requestHandler: {
      handle: async (request: HttpRequest) => {
        captured = request;
        return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
      },
    },
  });
  await send(client);
  if (!captured) throw new Error('the SDK sent nothing');
  const query = new URLSearchParams(
    Object.entries(captured.query ?? {}).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((x): [string, string] => [k, String(x)]) : [[k, v ?? '']])),
  );
  const search = query.toString().replace(/\+/g, '%20');
  return {
    method: captured.method,
    url: `${captured.path}${search ? `?${search}` : ''}`,
    headers: Object.fromEntries(Object.entries(captured.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: await bodyBytes(captured.body),
  };
}

/** A PutObject URL presigned by the SDK (without default checksums unless `config` asks for them). */
export async function presignedPut(
  input: PutObjectCommandInput,
  options: { expiresIn?: number; signableHeaders?: Set<string>; config?: Partial<S3ClientConfig>; signingDate?: Date } = {},
): Promise<URL> {
  const url = await getSignedUrl(sdkClient({ requestChecksumCalculation: 'WHEN_REQUIRED', ...options.config }), new PutObjectCommand(input), {
    expiresIn: options.expiresIn ?? 900,
    ...(options.signableHeaders ? { signableHeaders: options.signableHeaders } : {}),
    ...(options.signingDate ? { signingDate: options.signingDate } : {}),
  });
  return new URL(url);
}

export function fromUrl(url: URL, method: string, headers: Record<string, string> = {}, body: Buffer = Buffer.alloc(0)): WireRequest {
  return { method, url: `${url.pathname}${url.search}`, headers: { host: url.host, ...headers }, body };
}

export function asS3Request(wire: WireRequest): S3Request {
  return parseS3Request(wire, wire.body);
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string' || body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export interface VerifyOptions {
  readonly now?: Date;
  readonly accounts?: Readonly<Record<string, string>>;
}

/** Runs a request through the front's checks in order: signature, payload, checksums. */
export async function verify(wire: WireRequest, options: VerifyOptions = {}): Promise<Payload> {
  const request = asS3Request(wire);
  const authenticated = await authenticate(request, { accounts: options.accounts ?? LOCAL_ACCOUNTS, region: 'us-east-1', now: options.now ?? new Date() });
  const payload = await readPayload(request, authenticated);
  await checkChecksums(request, authenticated.auth, payload);
  return payload;
}

/** A request signed by the SDK's SigV4 signer with exactly these headers: for shapes the S3 client never sends. */
export async function signedByHand(method: string, path: string, headers: Record<string, string>, body = Buffer.alloc(0)): Promise<WireRequest> {
  const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, sha256: Sha256, uriEscapePath: false });
  const host = new URL(ENDPOINT).host;
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path,
    query: {},
    headers: { host, 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'), ...headers },
    body,
  });
  return { method, url: path, headers: signed.headers, body };
}
