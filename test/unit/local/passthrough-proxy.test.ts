import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortMultipartUploadCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassthroughProxy } from '#local/emulators/passthrough-proxy.ts';
import { s3Proxy } from '#local/emulators/s3-proxy.ts';
import { freePort } from '#local/ports.ts';

/** An upstream that names itself, so a test knows the proxy passed a request through. */
async function upstream(): Promise<{ port: number; server: Server }> {
  const port = await freePort();
  const server = createServer((_, res) => res.writeHead(200).end('upstream'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, server };
}

/** Sends a PUT that announces 1,000 bytes, writes 3 and hangs up. */
function hangUpMidBody(port: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'PUT', path: '/bucket/key', headers: { 'content-length': '1000' } });
    req.on('error', () => resolve());
    req.write('abc', () => setTimeout(() => req.destroy(), 50));
    req.on('close', () => resolve());
  });
}

describe('PassthroughProxy', () => {
  let behind: { port: number; server: Server };
  let proxy: PassthroughProxy;
  beforeAll(async () => {
    behind = await upstream();
    proxy = new PassthroughProxy(
      await freePort(),
      behind.port,
      (req) => {
        if (req.url === '/explode') throw new Error('intercept failed');
        return undefined;
      },
      { name: 'test-proxy', onError: () => ({ status: 500, body: 'handled' }) },
    );
    await proxy.start();
  });
  afterAll(async () => {
    await proxy.stop();
    behind.server.close();
  });

  it('answers a request whose handling throws with its error answer, and serves the next one', async () => {
    const failed = await fetch(`${proxy.endpoint}/explode`);
    const next = await fetch(`${proxy.endpoint}/fine`);

    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('handled');
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('upstream');
  });

  it('keeps serving after a client hangs up in the middle of its body', async () => {
    await hangUpMidBody(Number(new URL(proxy.endpoint).port));
    await new Promise((r) => setTimeout(r, 100));

    const next = await fetch(`${proxy.endpoint}/fine`);

    expect(next.status).toBe(200);
  });
});

describe('the local S3 front on an unexpected failure', () => {
  let dir: string;
  let front: PassthroughProxy;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 's3-front-'));
    // s3rver's directory is a file: reading an upload there fails with ENOTDIR, which no rule expects.
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    front = s3Proxy(await freePort(), await freePort(), notADirectory);
    await front.start();
  });
  afterAll(async () => {
    await front.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers S3's 500 InternalError, without internals, and serves the next request", async () => {
    const client = new S3Client({
      endpoint: front.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });

    const failed = await client
      .send(new AbortMultipartUploadCommand({ Bucket: 'portico-local-acme-1234abcd', Key: 'k', UploadId: '0123456789abcdef0123456789abcdef' }))
      .catch((error: unknown) => error);
    const next = await fetch(`${front.endpoint}/portico-local-acme-1234abcd/k`);

    expect(failed).toMatchObject({ name: 'InternalError', message: 'We encountered an internal error. Please try again.', $metadata: { httpStatusCode: 500 } });
    expect(next.status).toBe(403);
    expect(await next.text()).toContain('<Code>AccessDenied</Code>');
  });
});
