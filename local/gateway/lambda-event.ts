import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import type { RouteDefinition } from '#shared/routes/types.ts';

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
export const LOCAL_STAGE = 'local';

interface EventInput {
  readonly route: RouteDefinition;
  readonly path: string;
  readonly pathParameters: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly authorizer?: Record<string, unknown>;
  /** The API key the request counted against, on a method that requires one. */
  readonly apiKey?: { readonly id: string; readonly value: string };
  readonly requestId: string;
}

/** A REST API (v1) proxy event, as API Gateway builds it for a Lambda proxy integration. */
export function proxyEvent(input: EventInput): APIGatewayProxyEvent {
  // Built with fromEntries, so a parameter or header named `__proto__` or `constructor` is an own
  // property, as in the JSON event API Gateway sends, not the object's prototype.
  const headerValues = Object.entries(input.headers).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value : [value]] as const],
  );
  const headers: Record<string, string> = Object.fromEntries(headerValues.map(([name, values]) => [name, values.join(',')]));
  const multiValueHeaders: Record<string, string[]> = Object.fromEntries(headerValues);
  const queryValues = new Map<string, string[]>();
  for (const [name, value] of input.query) queryValues.set(name, [...(queryValues.get(name) ?? []), value]);
  const query: Record<string, string> = Object.fromEntries([...queryValues].map(([name, values]) => [name, values[values.length - 1] as string]));
  const multiQuery: Record<string, string[]> = Object.fromEntries(queryValues);
  const hasQuery = Object.keys(query).length > 0;
  const hasParams = Object.keys(input.pathParameters).length > 0;
  const now = new Date();
  return {
    resource: input.route.path,
    path: input.path,
    httpMethod: input.route.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: hasParams ? input.pathParameters : null,
    stageVariables: null,
    body: input.body.length > 0 ? input.body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      authorizer: input.authorizer ?? null,
      httpMethod: input.route.method,
      identity: identity(input.sourceIp, headers['user-agent'] ?? null, input.apiKey),
      path: `/${LOCAL_STAGE}${input.path}`,
      protocol: 'HTTP/1.1',
      requestId: input.requestId,
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: input.route.id,
      resourcePath: input.route.path,
      stage: LOCAL_STAGE,
    },
  };
}

/** The input of a REQUEST authorizer, as API Gateway sends it: the request's parameters and context, no body. */
export function requestAuthorizerEvent(input: Omit<EventInput, 'authorizer' | 'apiKey' | 'body'>): APIGatewayRequestAuthorizerEvent {
  const event = proxyEvent({ ...input, body: Buffer.alloc(0) });
  return {
    type: 'REQUEST',
    methodArn: methodArn(input.route, input.path),
    resource: event.resource,
    path: event.path,
    httpMethod: event.httpMethod,
    headers: event.headers,
    multiValueHeaders: event.multiValueHeaders,
    pathParameters: event.pathParameters,
    queryStringParameters: event.queryStringParameters,
    multiValueQueryStringParameters: event.multiValueQueryStringParameters,
    stageVariables: event.stageVariables,
    requestContext: { ...event.requestContext, authorizer: undefined },
  };
}

function identity(sourceIp: string, userAgent: string | null, apiKey?: EventInput['apiKey']): APIGatewayProxyEvent['requestContext']['identity'] {
  return {
    accessKey: null,
    accountId: null,
    apiKey: apiKey?.value ?? null,
    apiKeyId: apiKey?.id ?? null,
    caller: null,
    clientCert: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}

export function methodArn(route: RouteDefinition, path: string): string {
  return `arn:aws:execute-api:us-east-1:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/${LOCAL_STAGE}/${route.method}${path}`;
}

/** The Lambda context a handler receives, with the function's timeout. */
export function lambdaContext(functionName: string, timeoutSeconds: number, requestId = randomUUID()): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
