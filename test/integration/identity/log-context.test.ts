import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#local/gateway/lambda-event.ts';
import { cognitoUser, customerBody, localStack } from '../../support/local-stack.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A proxy event as API Gateway passes it after the authorizer. */
function event(method: string, path: string, params: Record<string, string>, caller: { user_id: string; groups: string }, body?: unknown): APIGatewayProxyEvent {
  return {
    httpMethod: method,
    path,
    resource: path,
    headers: body ? { 'content-type': 'application/json' } : {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(params).length ? params : null,
    stageVariables: null,
    body: body ? JSON.stringify(body) : null,
    isBase64Encoded: false,
    requestContext: { requestId: `req-${Math.random()}`, authorizer: { ...caller, email: 'u@example.com', customer_id: '' } },
  } as unknown as APIGatewayProxyEvent;
}

/** Runs a handler in this process and returns the structured log lines it wrote. */
async function logsOf(handler: Handler, request: APIGatewayProxyEvent): Promise<{ response: APIGatewayProxyResult; lines: Record<string, unknown>[] }> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const response = await handler(request, lambdaContext('test', 10));
    return { response, lines: written.flatMap((w) => w.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) };
  } finally {
    spy.mockRestore();
  }
}

describe('every log line of a request carries the customer id and the user id', () => {
  let getCustomer: Handler;
  let createCustomer: Handler;
  beforeAll(async () => {
    // The logger reads its level when it is first loaded.
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    getCustomer = (await import('#functions/customers/get.ts')).handler;
    createCustomer = (await import('#functions/customers/create.ts')).handler;
  });
  afterEach(() => vi.restoreAllMocks());

  it('on a refused cross-tenant read', async () => {
    const { response, lines } = await logsOf(
      getCustomer,
      event('GET', '/customers/someone-else-00000000', { customer_id: 'someone-else-00000000' }, { user_id: 'user-1', groups: '' }),
    );

    expect(response.statusCode).toBe(403);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject({ customer_id: 'someone-else-00000000', user_id: 'user-1', route: 'customers.get' });
  });

  it('on an onboarding, where the customer id is born during the request', async () => {
    // The platform-admin group is confirmed in the directory: the caller must be the real admin.
    const adminId = (await cognitoUser(localStack().admin.email))?.attributes.sub as string;
    const { response, lines } = await logsOf(
      createCustomer,
      event('POST', '/customers', {}, { user_id: adminId, groups: 'platform-admin' }, customerBody({ customer_name: 'Log Context Labs' })),
    );

    expect(response.statusCode).toBe(202);
    const id = JSON.parse(response.body).customer_id;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject({ customer_id: id, user_id: adminId });
  });
});
