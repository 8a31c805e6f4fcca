import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports.ts';
import { BodyTooLarge, ClientHungUp, readBody } from '#local/read-body.ts';

const LIMIT = 1024;

/** A server that hands each request's readBody outcome to the test, then answers. */
async function recordingServer(): Promise<{ port: number; server: Server; next: () => Promise<Buffer | Error> }> {
  const outcomes: ((outcome: Buffer | Error) => void)[] = [];
  const pending: Promise<Buffer | Error>[] = [];
  const awaitNext = () => pending.push(new Promise((resolve) => outcomes.push(resolve)));
  awaitNext();
  const server = createServer((req: IncomingMessage, res) => {
    const report = outcomes.shift();
    awaitNext();
    readBody(req, LIMIT).then(
      (body) => {
        report?.(body);
        res.writeHead(200).end();
      },
      (error: Error) => {
        report?.(error);
        res.writeHead(413, { Connection: 'close' }).end();
      },
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, server, next: () => pending.shift() as Promise<Buffer | Error> };
}

type Ending = 'end' | 'wait for the answer' | 'hang up';

/** Sends headers and `parts`, then ends the body, leaves it unfinished until the answer, or hangs up. */
function send(port: number, headers: Record<string, string>, parts: readonly Buffer[], ending: Ending = 'end'): Promise<number | 'hung up'> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      if (ending !== 'end') req.destroy();
    });
    req.on('error', () => resolve('hung up'));
    req.flushHeaders();
    for (const part of parts) req.write(part);
    if (ending === 'end') req.end();
    if (ending === 'hang up') setTimeout(() => req.destroy(), 50);
  });
}

describe('readBody', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  beforeAll(async () => {
    server = await recordingServer();
  });
  afterAll(() => {
    server.server.close();
  });

  it('gives the whole body when it is within the limit, at the limit included', async () => {
    const body = Buffer.alloc(LIMIT, 7);
    const status = send(server.port, { 'content-length': String(LIMIT) }, [body.subarray(0, 100), body.subarray(100)]);

    expect(await server.next()).toEqual(body);
    expect(await status).toBe(200);
  });

  it('refuses a Content-Length over the limit before any of the body arrives', async () => {
    // Only the headers are sent: the refusal cannot have waited for the body.
    const status = send(server.port, { 'content-length': String(LIMIT + 1) }, [], 'wait for the answer');

    const outcome = await server.next();
    expect(outcome).toBeInstanceOf(BodyTooLarge);
    expect(outcome).toMatchObject({ limitBytes: LIMIT, declaredBytes: LIMIT + 1 });
    expect(await status).toBe(413);
  });

  it('refuses a body without Content-Length as soon as what arrived passes the limit', async () => {
    const status = send(server.port, { 'transfer-encoding': 'chunked' }, [Buffer.alloc(LIMIT), Buffer.alloc(1)], 'wait for the answer');

    const outcome = await server.next();
    expect(outcome).toBeInstanceOf(BodyTooLarge);
    expect((outcome as BodyTooLarge).declaredBytes).toBeUndefined();
    expect(await status).toBe(413);
  });

  it('rejects with ClientHungUp when the client hangs up in the middle of its body', async () => {
    await send(server.port, { 'content-length': '100' }, [Buffer.from('Action')], 'hang up');

    expect(await server.next()).toBeInstanceOf(ClientHungUp);
  });
});
