import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { GATEWAY_RESPONSES, type GatewayResponseType } from '#shared/http/gateway-responses.ts';
import { PROBLEM_CONTENT_TYPE, problem } from '#shared/http/problem.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { tablesFor } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { runAs } from '../permissions.ts';
import { lambdaContext, methodArn, proxyEvent } from './lambda-event.ts';
import { Router } from './router.ts';
import { readBody } from '../read-body.ts';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type TokenAuthorizer = (event: { type: 'TOKEN'; authorizationToken: string; methodArn: string }) => Promise<APIGatewayAuthorizerResult>;

/** API Gateway's own limit on a request payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 10;

export interface LocalGatewayOptions {
  readonly port: number;
  readonly routes: readonly RouteDefinition[];
  readonly functionsDir: string;
  readonly corsOrigins: readonly string[];
  /** One line per request, like an access log. */
  readonly log?: (line: string) => void;
}

/**
 * The local stand-in for API Gateway: routes from the shared route table, the
 * same TOKEN authorizer, the same handlers, the same problem+json gateway
 * responses, and a REST-API proxy event for each request.
 */
export class LocalGateway {
  private readonly router: Router;
  private readonly handlers = new Map<string, Promise<ProxyHandler>>();
  private authorizer?: Promise<TokenAuthorizer>;
  private server?: Server;

  constructor(private readonly options: LocalGatewayOptions) {
    this.router = new Router(options.routes);
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** The routes this gateway serves, as `METHOD /path`, for the parity test. */
  servedRoutes(): string[] {
    return this.options.routes.map((r) => `${r.method} ${r.path}`).sort();
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server?.listen(this.options.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    let status = 500;
    try {
      const body = await readBody(req);
      const result = await this.respond(method, url, req, body, requestId);
      status = result.statusCode;
      const headers = { ...this.corsHeaders(req), ...result.headers } as Record<string, string>;
      res.writeHead(result.statusCode, headers).end(result.body);
    } catch (error) {
      console.error('[local-gateway] handler crashed:', error);
      const result = this.gatewayResponse('DEFAULT_5XX', url.pathname, requestId);
      res.writeHead(result.statusCode, { ...this.corsHeaders(req), ...result.headers } as Record<string, string>).end(result.body);
    } finally {
      this.options.log?.(`${method} ${url.pathname}${url.search} ${status} ${Date.now() - started}ms`);
    }
  }

  private async respond(method: string, url: URL, req: IncomingMessage, body: Buffer, requestId: string): Promise<APIGatewayProxyResult> {
    if (method === 'OPTIONS') return this.preflight(url.pathname);
    if (body.length > MAX_PAYLOAD_BYTES) return this.gatewayResponse('REQUEST_TOO_LARGE', url.pathname, requestId);
    const match = this.router.match(method, url.pathname);
    if (!match) return this.gatewayResponse('MISSING_AUTHENTICATION_TOKEN', url.pathname, requestId);
    const { route, pathParameters } = match;
    if ((route.requiredQuery ?? []).some((name) => !url.searchParams.has(name))) {
      return this.gatewayResponse('BAD_REQUEST_PARAMETERS', url.pathname, requestId);
    }

    let authorizer: Record<string, unknown> | undefined;
    if (route.access.kind !== 'public') {
      const token = req.headers.authorization;
      // API Gateway answers 401 itself when the identity source header is absent.
      if (!token) return this.gatewayResponse('UNAUTHORIZED', url.pathname, requestId);
      try {
        const authorize = await this.loadAuthorizer();
        const result = await runAs({ ...eventFunctions.authorizer, capabilities: [] }, () =>
          authorize({ type: 'TOKEN', authorizationToken: token, methodArn: methodArn(route, url.pathname) }),
        );
        if (result.policyDocument.Statement.some((s) => s.Effect === 'Deny')) {
          return this.gatewayResponse('ACCESS_DENIED', url.pathname, requestId);
        }
        authorizer = { ...result.context, principalId: result.principalId };
      } catch (error) {
        if ((error as Error).message === 'Unauthorized') return this.gatewayResponse('UNAUTHORIZED', url.pathname, requestId);
        throw error;
      }
    }

    const event = proxyEvent({
      route,
      path: url.pathname,
      pathParameters,
      headers: req.headers,
      query: url.searchParams,
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      requestId,
      ...(authorizer ? { authorizer } : {}),
    });
    const handler = await this.loadHandler(route.handler);
    const timeout = route.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const grants = { id: route.id, tables: tablesFor(route), capabilities: route.capabilities ?? [] };
    return runAs(grants, () => handler(event, lambdaContext(route.id, timeout)));
  }

  private preflight(path: string): APIGatewayProxyResult {
    const methods = this.router.methodsFor(path);
    if (methods.length === 0) return { statusCode: 404, body: '' };
    return {
      statusCode: 204,
      headers: {
        'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','),
        'Access-Control-Allow-Headers': 'Authorization,Content-Type,Idempotency-Key',
        'Access-Control-Max-Age': '600',
      },
      body: '',
    };
  }

  private corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    const allowed = this.options.corsOrigins;
    if (allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
    return origin && allowed.includes(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  }

  private gatewayResponse(type: GatewayResponseType, path: string, requestId: string): APIGatewayProxyResult {
    const { status, title, detail } = GATEWAY_RESPONSES[type];
    return {
      statusCode: status,
      headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
      body: JSON.stringify(problem(status, title, detail, { instance: path, request_id: requestId })),
    };
  }

  private loadHandler(name: string): Promise<ProxyHandler> {
    let loaded = this.handlers.get(name);
    if (!loaded) {
      loaded = this.importEntry(`${name}.ts`).then((m) => m.handler as ProxyHandler);
      this.handlers.set(name, loaded);
    }
    return loaded;
  }

  private loadAuthorizer(): Promise<TokenAuthorizer> {
    this.authorizer ??= this.importEntry('authorizer/index.ts').then((m) => m.handler as TokenAuthorizer);
    return this.authorizer;
  }

  private async importEntry(file: string): Promise<Record<string, unknown>> {
    return (await import(pathToFileURL(join(this.options.functionsDir, file)).href)) as Record<string, unknown>;
  }
}
