import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoProxy } from '#local/emulators/cognito-proxy.ts';
import { PassthroughProxy } from '#local/emulators/passthrough-proxy.ts';
import { s3Proxy } from '#local/emulators/s3-proxy.ts';
import { freePort } from '#local/ports.ts';

interface Upstream {
  readonly port: number;
  readonly server: Server;
  /** Bodies the upstream received, by URL. */
  readonly received: Map<string, number>;
}

/** An upstream that names itself and counts what reached it. */
async function upstream(): Promise<Upstream> {
  const port = await freePort();
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      received.set(req.url ?? '', bytes);
      res.writeHead(200).end('upstream');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, server, received };
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Announces `declaredBytes` and sends `sentBytes` of them (all of them by
 * default), or streams `sentBytes` without Content-Length; resolves with the
 * answer, then hangs up if the body is unfinished.
 */
function post(endpoint: string, path: string, body: { declaredBytes?: number; sentBytes: number }, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const lengthHeader = body.declaredBytes === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.declaredBytes) };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...lengthHeader, ...headers } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
    if (body.sentBytes > 0) req.write(Buffer.alloc(body.sentBytes, 'x'));
    if (body.declaredBytes === body.sentBytes) req.end();
  });
}

describe('PassthroughProxy with a body limit', () => {
  let behind: Upstream;
  let proxy: PassthroughProxy;
  beforeAll(async () => {
    behind = await upstream();
    proxy = new PassthroughProxy(await freePort(), behind.port, () => undefined, {
      name: 'limited',
      bodyLimit: { bytes: 1000, answer: (declared) => ({ status: 418, body: `refused ${declared ?? 'a stream'}` }) },
    });
    await proxy.start();
  });
  afterAll(async () => {
    await proxy.stop();
    behind.server.close();
  });

  it('passes a body at the limit through', async () => {
    const answer = await post(proxy.endpoint, '/at-limit', { declaredBytes: 1000, sentBytes: 1000 });

    expect(answer).toMatchObject({ status: 200, body: 'upstream' });
    expect(behind.received.get('/at-limit')).toBe(1000);
  });

  it("answers a Content-Length over the limit with the service's refusal before reading the body, closes the connection, and passes nothing upstream", async () => {
    const answer = await post(proxy.endpoint, '/declared', { declaredBytes: 5 * 1024 ** 3, sentBytes: 10 });

    expect(answer).toMatchObject({ status: 418, body: `refused ${5 * 1024 ** 3}`, headers: { connection: 'close' } });
    expect(behind.received.has('/declared')).toBe(false);
  });

  it('answers a streamed body as soon as it passes the limit, and serves the next request', async () => {
    const answer = await post(proxy.endpoint, '/streamed', { sentBytes: 1001 });
    const next = await post(proxy.endpoint, '/next', { declaredBytes: 3, sentBytes: 3 });

    expect(answer).toMatchObject({ status: 418, body: 'refused a stream' });
    expect(behind.received.has('/streamed')).toBe(false);
    expect(next).toMatchObject({ status: 200, body: 'upstream' });
  });
});

describe('the Cognito front', () => {
  let behind: Upstream;
  let front: PassthroughProxy;
  beforeAll(async () => {
    behind = await upstream();
    front = cognitoProxy(await freePort(), behind.port);
    await front.start();
  });
  afterAll(async () => {
    await front.stop();
    behind.server.close();
  });

  const target = { 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser', 'content-type': 'application/x-amz-json-1.1' };

  it('passes a request of 1 MiB through', async () => {
    const answer = await post(front.endpoint, '/one-mib', { declaredBytes: 1024 * 1024, sentBytes: 1024 * 1024 }, target);

    expect(answer.status).toBe(200);
    expect(behind.received.get('/one-mib')).toBe(1024 * 1024);
  });

  it('refuses a larger one as AWS front ends do, 413 with an empty body, without reading it or passing it on', async () => {
    const answer = await post(front.endpoint, '/huge', { declaredBytes: 3 * 1024 ** 3, sentBytes: 100 }, target);

    expect(answer).toMatchObject({ status: 413, body: '', headers: { connection: 'close' } });
    expect(behind.received.has('/huge')).toBe(false);
  });
});

describe('the S3 front', () => {
  let dir: string;
  let front: PassthroughProxy;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's3-front-limit-'));
    front = s3Proxy(await freePort(), await freePort(), dir);
    await front.start();
  });
  afterAll(async () => {
    await front.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an upload over what it can hold as S3 refuses one over 5 GiB: 400 EntityTooLarge with the proposed and allowed sizes, before reading it', async () => {
    const proposed = 6 * 1024 ** 3;

    const answer = await post(front.endpoint, '/portico-local-acme-1234abcd/big.fq', { declaredBytes: proposed, sentBytes: 100 });

    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>EntityTooLarge</Code>');
    expect(answer.body).toContain('<Message>Your proposed upload exceeds the maximum allowed size</Message>');
    expect(answer.body).toContain(`<ProposedSize>${proposed}</ProposedSize>`);
    expect(answer.body).toMatch(/<MaxSizeAllowed>(4294967296|5368709120)<\/MaxSizeAllowed>/);
  });
});
