import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { localStack } from '../../support/local-stack.ts';

/**
 * Requests no client should send, sent to the running stack: each is answered
 * (or its connection dropped) and the stack goes on answering. A request that
 * crashed a server would take the whole stack, and every later test, down.
 */

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

interface RawRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  /** Bytes written after the headers. */
  readonly sent?: Buffer;
  /** 'end' finishes the body; 'hang up' closes the connection mid-body; 'await answer' waits for the answer with the body unfinished. */
  readonly then: 'end' | 'hang up' | 'await answer';
}

/** One request over a connection of its own; resolves with the answer, or undefined once it hung up. */
function raw(url: string, { method, headers, sent, then }: RawRequest): Promise<RawAnswer | undefined> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: `${pathname}${search}`, headers });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on('error', (error) => (then === 'hang up' ? resolve(undefined) : reject(error)));
    req.flushHeaders();
    if (sent) req.write(sent);
    if (then === 'end') req.end();
    if (then === 'hang up') setTimeout(() => req.destroy(), 50);
  });
}

const settle = () => new Promise((r) => setTimeout(r, 300));

/** The provisioner's error code for DescribeStacks of a stack that does not exist: it answers while it runs. */
async function describeMissingStack(): Promise<string | undefined> {
  const response = await fetch(localStack().cloudformation_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'Action=DescribeStacks&StackName=portico-customer-none-00000000',
  });
  return /<Code>([^<]*)<\/Code>/.exec(await response.text())?.[1];
}

/** The status of the gateway's public schema route. */
async function schemaStatus(): Promise<number> {
  return (await fetch(`${localStack().api_url}/schemas/workset`)).status;
}

describe('the local provisioner (CloudFormation)', () => {
  it('survives a client that announces 100 bytes, sends 6 and hangs up', async () => {
    const answer = await raw(localStack().cloudformation_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '100' },
      sent: Buffer.from('Action'),
      then: 'hang up',
    });
    await settle();

    expect(answer).toBeUndefined();
    expect(await describeMissingStack()).toBe('ValidationError');
  });

  it('answers a stack name that is not valid percent-encoding 500 InternalFailure in its XML error shape, and goes on', async () => {
    const response = await fetch(`${localStack().cloudformation_endpoint}/__local/stacks/%ZZ`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toMatch(/^<ErrorResponse xmlns="[^"]+"><Error>.*<Code>InternalFailure<\/Code>.*<\/Error><RequestId>[^<]+<\/RequestId><\/ErrorResponse>$/);
    await settle();
    expect(await describeMissingStack()).toBe('ValidationError');
  });

  it('answers a request over 3 MiB 413 with an empty body before reading it, and closes the connection', async () => {
    const answer = await raw(localStack().cloudformation_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(4 * 1024 ** 3) },
      sent: Buffer.from('Action=CreateStack&TemplateBody='),
      then: 'await answer',
    });

    expect(answer).toMatchObject({ status: 413, body: '', headers: { connection: 'close' } });
    expect(await describeMissingStack()).toBe('ValidationError');
  });
});

describe('the local gateway (API Gateway)', () => {
  it("answers a payload announced over 10 MB 413 through the REQUEST_TOO_LARGE gateway response, before reading it", async () => {
    const answer = await raw(`${localStack().api_url}/worksets/generate-yaml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(8 * 1024 ** 3) },
      sent: Buffer.from('{"samples":['),
      then: 'await answer',
    });

    expect(answer?.status).toBe(413);
    expect(answer?.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({ status: 413, title: 'Payload Too Large', instance: '/worksets/generate-yaml' });
    expect(await schemaStatus()).toBe(200);
  });

  it('answers a payload streamed without Content-Length 413 as soon as it passes 10 MB', async () => {
    const answer = await raw(`${localStack().api_url}/worksets/generate-yaml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      sent: Buffer.alloc(10 * 1024 * 1024 + 1, ' '),
      then: 'await answer',
    });

    expect(answer?.status).toBe(413);
    expect(await schemaStatus()).toBe(200);
  });

  it('survives a client that hangs up mid-body', async () => {
    await raw(`${localStack().api_url}/worksets/generate-yaml`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '100' },
      sent: Buffer.from('{"sam'),
      then: 'hang up',
    });
    await settle();

    expect(await schemaStatus()).toBe(200);
  });
});

describe('the Cognito front', () => {
  it('answers a request over 1 MiB 413 with an empty body before reading it, and goes on answering', async () => {
    const { endpoint } = localStack().cognito;
    const answer = await raw(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'Content-Length': String(2 * 1024 ** 3),
      },
      sent: Buffer.from('{"AuthFlow":"USER_PASSWORD_AUTH",'),
      then: 'await answer',
    });
    const next = await fetch(`${endpoint}/__local/requests`);

    expect(answer).toMatchObject({ status: 413, body: '', headers: { connection: 'close' } });
    expect(next.status).toBe(200);
  });
});
