import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '#local/gateway/server.ts';
import { freePort } from '#local/ports.ts';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE_SECONDS } from '#shared/http/cors.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';

/**
 * The local gateway on its own, with fake functions (fixtures/functions) whose
 * behaviour no real handler has on demand: one that never answers, one that
 * throws, one that answers garbage, and an authorizer that denies with a reason.
 */
const route = (id: string, method: RouteDefinition['method'], path: string, extra: Partial<RouteDefinition> = {}): RouteDefinition => ({
  id,
  method,
  path,
  handler: 'echo',
  access: { kind: 'authenticated' },
  summary: `test route ${id}`,
  tables: {},
  ...extra,
});

const routes: RouteDefinition[] = [
  route('things.list', 'GET', '/things'),
  route('things.create', 'POST', '/things'),
  route('things.get', 'GET', '/things/{thing_id}'),
  route('things.delete', 'DELETE', '/things/{thing_id}', { requiredQuery: ['confirm'] }),
  route('slow', 'GET', '/slow', { handler: 'never-answers', timeoutSeconds: 0.3 }),
  route('throws', 'GET', '/throws', { handler: 'throws' }),
  route('malformed', 'GET', '/malformed', { handler: 'malformed' }),
];

let gateway: LocalGateway;
const failures: string[] = [];

beforeAll(async () => {
  gateway = new LocalGateway({
    port: await freePort(),
    routes,
    functionsDir: fileURLToPath(new URL('./fixtures/functions', import.meta.url)),
    corsOrigins: ['*'],
    logError: (message) => failures.push(message),
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway.stop();
});

async function call(method: string, path: string, token = 'allow', headers: Record<string, string> = {}) {
  const response = await fetch(`${gateway.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Sends a request line as is (fetch would normalize it) and returns the status line. */
function rawStatusLine(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: localhost\r\nAuthorization: Bearer allow\r\nConnection: close\r\n\r\n`);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('a method the path does not serve', () => {
  it('answers 405 problem+json with Allow, before any token is looked at', async () => {
    const response = await call('PUT', '/things', 'not-even-a-token');

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      title: 'Method Not Allowed',
      status: 405,
      detail: 'The method PUT is not allowed on this path; it serves GET, POST, OPTIONS.',
      instance: '/things',
    });
  });

  it('still answers 404 for a path no route has', async () => {
    const response = await call('GET', '/nothing');

    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
  });
});

describe('CORS preflight', () => {
  it('answers every resource with the shared headers and methods', async () => {
    const response = await call('OPTIONS', '/things/t-1', 'allow', { Origin: 'https://portal.example.com' });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe(CORS_ALLOW_HEADERS.join(','));
    expect(response.headers.get('access-control-allow-methods')).toBe(CORS_ALLOW_METHODS.join(','));
    expect(response.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers an unknown path with the 404 problem', async () => {
    const response = await call('OPTIONS', '/nothing');

    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 404, type: 'application/problem+json' });
  });
});

describe('a missing required query parameter', () => {
  it.each(['/things/t-1', '/things/t-1?confirm=', '/things/t-1?other=1'])('%s names it, as the request validator does', async (path) => {
    const response = await call('DELETE', path);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ title: 'Bad Request', detail: 'Missing required request parameters: [confirm]' });
  });
});

describe('malformed requests', () => {
  it.each(['/things/%E0%A4%A', '/things/%ZZ', '/things/%', '/things?x=%'])('%s answers 400 problem+json', async (path) => {
    const response = await call('GET', path);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ detail: 'The request path or query string is not valid percent-encoding.' });
  });

  it('cannot stop the gateway, whatever the request line', async () => {
    const lines = await Promise.all(['GET http://[ HTTP/1.1', 'GET /things/%E0%A4%A HTTP/1.1', 'GET //things HTTP/1.1'].map(rawStatusLine));

    expect(lines).toEqual(['HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request', 'HTTP/1.1 404 Not Found']);
    expect((await call('GET', '/things/t-1')).status).toBe(200);
  });
});

describe('the authorizer', () => {
  it('answers its Deny with 401 and the reason it gave', async () => {
    const response = await call('GET', '/things/t-1', 'deny');

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ title: 'Unauthorized', detail: 'The token has expired.' });
  });

  it('answers `Unauthorized` with 401 and a missing token without calling it', async () => {
    const refused = await call('GET', '/things/t-1', 'whatever');
    const missing = await fetch(`${gateway.url}/things/t-1`);

    expect({ status: refused.status, detail: refused.body?.['detail'] }).toEqual({ status: 401, detail: 'A valid bearer token is required.' });
    expect(missing.status).toBe(401);
  });

  it('answers its failure with 503 and Retry-After, a result that is not one with 500, both without internals', async () => {
    const crashed = await call('GET', '/things/t-1', 'crash');
    const garbage = await call('GET', '/things/t-1', 'garbage');

    expect([crashed.status, garbage.status]).toEqual([503, 500]);
    expect(crashed.headers.get('retry-after')).toBe('5');
    expect(crashed.text).not.toContain('JWKS');
  });

  it('passes its context to the handler as strings, with the principal', async () => {
    const response = await call('GET', '/things/t%201');

    expect(response.body).toEqual({
      authorizer: { user_id: 'user-1', admin: 'false', principalId: 'user-1' },
      pathParameters: { thing_id: 't 1' },
    });
  });
});

describe('a function that fails', () => {
  it('that does not answer within its timeout gets 502 problem+json once the timeout has passed, and is logged', async () => {
    const started = Date.now();

    const response = await call('GET', '/slow');

    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ title: 'Bad Gateway', detail: 'The service did not complete the request; try again later.' });
    expect(failures).toContainEqual(expect.stringMatching(/\] slow \(.+\): Task timed out after 0\.30 seconds$/));
  });

  it.each(['/throws', '/malformed'])('%s gets 502 problem+json without internals, and the gateway keeps serving', async (path) => {
    const response = await call('GET', path);

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.text).not.toContain('fire');
    expect((await call('GET', '/things')).status).toBe(200);
  });
});
