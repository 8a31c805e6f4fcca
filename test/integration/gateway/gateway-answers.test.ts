import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_MAX_AGE_SECONDS } from '#shared/http/cors.ts';
import { routeTable } from '#shared/routes/index.ts';
import { activeCustomer, adminToken, api, cloudFormationRequests, localStack } from '../../support/local-stack.ts';

/**
 * What the local gateway answers before any handler runs, through the running
 * local stack: the same answers the CDK stack installs in API Gateway.
 */
let token: string;
beforeAll(async () => {
  token = await adminToken();
});

/** Every route-table path, with a method it does not serve and the methods it does. */
const paths = [...new Set(routeTable.map((route) => route.path))].map((path) => {
  const served = routeTable.filter((route) => route.path === path).map((route) => route.method as string);
  const refused = ['PUT', 'PATCH', 'DELETE', 'POST', 'GET'].find((method) => !served.includes(method)) as string;
  const concrete = path.replace(/\{[a-z_]+\}/g, 'x-1');
  return [path, { concrete, served, refused }] as const;
});

describe.each(paths)('%s with a method it does not serve', (_path, { concrete, served, refused }) => {
  it(`answers ${refused} with 405 problem+json and Allow, with no token needed`, async () => {
    const response = await api(refused, concrete);

    const allow = response.headers.get('allow') ?? '';
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(allow.split(', ').sort()).toEqual([...served, 'OPTIONS'].sort());
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: `The method ${refused} is not allowed on this path; it serves ${allow}.`,
      instance: concrete,
    });
  });
});

describe('paths no route serves', () => {
  it.each(['/nothing-here', '/users', '/customers/x-1/unknown'])('%s answers 404 without Allow', async (path) => {
    const response = await api('GET', path, { token });

    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
    expect(response.body).toMatchObject({ title: 'Not Found' });
  });
});

describe('CORS preflight', () => {
  it('answers with the headers and methods declared in shared/http/cors.ts', async () => {
    const response = await api('OPTIONS', '/customers', { headers: { Origin: 'https://portal.example.com', 'Access-Control-Request-Method': 'POST' } });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual([...CORS_ALLOW_HEADERS]);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual([...CORS_ALLOW_METHODS]);
    expect(response.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));
  });
});

describe('DELETE /customers/{customer_id} without confirm', () => {
  it.each(['', '?confirm=', '?confrim=x'])('(%s) names the missing parameter and changes nothing', async (query) => {
    const customer = await activeCustomer();
    const deletesBefore = (await cloudFormationRequests()).filter((r) => r.action === 'DeleteStack').length;

    const response = await api('DELETE', `/customers/${customer.customer_id}${query}`, { token });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ title: 'Bad Request', status: 400, detail: 'Missing required request parameters: [confirm]' });
    expect((await api('GET', `/customers/${customer.customer_id}`, { token })).body.status).toBe('ACTIVE');
    expect((await cloudFormationRequests()).filter((r) => r.action === 'DeleteStack')).toHaveLength(deletesBefore);
  });
});

/** Sends a request line as is (fetch would normalize it) and returns the status line. */
function rawStatusLine(requestLine: string): Promise<string> {
  const { hostname, port } = new URL(localStack().api_url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('malformed percent-encoding', () => {
  it.each(['/customers/%E0%A4%A', '/customers/%ZZ', '/customers/%', '/customers?status=%'])('%s answers 400 problem+json', async (path) => {
    const response = await api('GET', path, { token });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ title: 'Bad Request', detail: 'The request path or query string is not valid percent-encoding.' });
  });

  it('cannot stop the local gateway, whatever the request line', async () => {
    const lines = await Promise.all(['GET http://[ HTTP/1.1', 'GET /customers/%E0%A4%A HTTP/1.1'].map(rawStatusLine));

    expect(lines).toEqual(['HTTP/1.1 400 Bad Request', 'HTTP/1.1 400 Bad Request']);
    expect((await api('GET', '/schemas/workset')).status).toBe(200);
  });
});

describe('query parameters and headers named like Object.prototype members', () => {
  // The local gateway once built its event with `query[name] = value`: `__proto__` answered 500 (found by the fuzz suite).
  it('are parameters like any other: ignored where the route reads no query, refused by name where it does', async () => {
    const ignored = await api('GET', '/plans?__proto__=x&constructor=y&toString=z', { token, headers: { 'x-fuzz': '1', constructor: 'c' } });
    const refused = await api('GET', '/customers?__proto__=x', { token });

    expect(ignored.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: '__proto__' })]);
  });
});
