import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import { missingParametersDetail } from '#shared/http/gateway-responses.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { grantsFor } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { runAs } from '../permissions.ts';
import { BodyTooLarge, CLOSE_CONNECTION, readBody } from '../read-body.ts';
import { authorizerErrorOutcome, authorizerOutcome, type AuthorizerOutcome } from './authorizer-outcome.ts';
import { allowOriginHeaders, preflightAnswer } from './cors.ts';
import { gatewayAnswer, methodNotAllowedAnswer, type GatewayRefusal, type RequestIds } from './gateway-answer.ts';
import { FunctionTimedOut, invokeWithin } from './invoke.ts';
import { lambdaContext, methodArn, proxyEvent, requestAuthorizerEvent } from './lambda-event.ts';
import { readProxyResult } from './proxy-result.ts';
import { RateLimits, type RateLimitsOptions } from './rate-limits.ts';
import { parseRequestTarget } from './request-target.ts';
import { Router } from './router.ts';
import { CALLS_HEADER, FAULT_HEADER, parseFaultHeader, withFaultScope } from '../faults/sdk-faults.ts';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<unknown>;
type TokenAuthorizer = (event: { type: 'TOKEN'; authorizationToken: string; methodArn: string }) => Promise<unknown>;
type RequestAuthorizer = (event: APIGatewayRequestAuthorizerEvent, context: Context) => Promise<unknown>;

/** API Gateway's own limit on a request payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** The function timeout of a route that declares none (`DEFAULT_TIMEOUT` in lib/constructs/portico-function.ts). */
const DEFAULT_TIMEOUT_SECONDS = 10;
/** The authorizers' function timeout (PorticoFunction's default). */
const AUTHORIZER_TIMEOUT_SECONDS = DEFAULT_TIMEOUT_SECONDS;
const MALFORMED_TARGET = 'The request path or query string is not valid percent-encoding.';

/** What the gateway writes back: a gateway answer or a handler's. */
interface Reply {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: string | Buffer;
}

export interface LocalGatewayOptions {
  readonly port: number;
  readonly routes: readonly RouteDefinition[];
  readonly functionsDir: string;
  readonly corsOrigins: readonly string[];
  /**
   * The stage throttle and the usage plans. Without them no throttle applies, and a
   * method that requires an API key (customer-scoped) finds no usage plan: 403.
   */
  readonly rateLimits?: RateLimitsOptions;
  /** One line per request, like an access log. */
  readonly log?: (line: string) => void;
  /** Where failures are reported, like a function's log: timeouts, crashes, malformed answers. @default console.error */
  readonly logError?: (message: string, error?: unknown) => void;
}

/**
 * The local stand-in for API Gateway: routes from the shared route table, the
 * same authorizers (TOKEN, and REQUEST on customer-scoped routes), the same
 * handlers, the same problem+json gateway responses, API keys, usage plans and
 * throttles, and a REST-API proxy event for each request. No request can stop
 * it: whatever goes wrong is an answer.
 */
export class LocalGateway {
  private readonly router: Router;
  private readonly handlers = new Map<string, Promise<ProxyHandler>>();
  private authorizer?: Promise<TokenAuthorizer>;
  private customerAuthorizer?: Promise<RequestAuthorizer>;
  private readonly rateLimits?: RateLimits;
  private server?: Server;

  constructor(private readonly options: LocalGatewayOptions) {
    this.router = new Router(options.routes);
    if (options.rateLimits) this.rateLimits = new RateLimits(options.rateLimits);
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
    // A port taken between the check and now is an error to report, not an unhandled 'error' event.
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.options.port, '127.0.0.1', () => {
        this.server?.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Never rejects: an unexpected error is a logged 500 problem. */
  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const unexpected = gatewayAnswer({ type: 'DEFAULT_5XX' }, { path: target.split('?')[0] ?? '/', requestId });
    let status = unexpected.statusCode;
    try {
      const reply = await this.respond(method, target, req, requestId);
      status = this.send(req, res, reply, unexpected);
    } catch (error) {
      this.logError(`[local-gateway] ${method} ${target} failed unexpectedly:`, error);
      status = this.send(req, res, unexpected, unexpected);
    } finally {
      this.options.log?.(`${method} ${target} ${status} ${Date.now() - started}ms`);
    }
  }

  private async respond(method: string, rawTarget: string, req: IncomingMessage, requestId: string): Promise<Reply> {
    const target = parseRequestTarget(rawTarget);
    if (!target) return gatewayAnswer({ type: 'DEFAULT_4XX', detail: MALFORMED_TARGET }, { path: rawTarget.split('?')[0] ?? '/', requestId });
    const ids: RequestIds = { path: target.path, requestId };
    const resolution = this.router.resolve(method, target.path);
    if (resolution.kind === 'preflight') return preflightAnswer();

    let body: Buffer;
    try {
      body = await readBody(req, MAX_PAYLOAD_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      // Answered before the rest of the body is read, which then cannot be left on the connection.
      const tooLarge = gatewayAnswer({ type: 'REQUEST_TOO_LARGE' }, ids);
      return { ...tooLarge, headers: { ...tooLarge.headers, ...CLOSE_CONNECTION } };
    }
    if (resolution.kind === 'not-found') return gatewayAnswer({ type: 'MISSING_AUTHENTICATION_TOKEN' }, ids);
    if (resolution.kind === 'method-not-allowed') return methodNotAllowedAnswer(method, resolution.allowed, ids);
    const { route, pathParameters } = resolution;

    // The request validator: each required parameter present and not blank.
    const missing = (route.requiredQuery ?? []).filter((name) => !target.query.get(name));
    if (missing.length > 0) return gatewayAnswer({ type: 'BAD_REQUEST_PARAMETERS', detail: missingParametersDetail(missing) }, ids);

    const eventInput = {
      route,
      path: target.path,
      pathParameters,
      headers: req.headers,
      query: target.query,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      requestId,
    };
    const authorization =
      route.access.kind === 'customer' ? await this.authorizeCustomerRequest(eventInput) : await this.authorize(route, req.headers.authorization, target.path);
    if (!authorization.allowed) return gatewayAnswer(authorization.refusal, ids);
    const usage = this.admit(route, authorization.usageIdentifierKey);
    if ('refusal' in usage) return gatewayAnswer(usage.refusal, ids);

    const event = proxyEvent({
      ...eventInput,
      body,
      ...(route.access.kind === 'public' ? {} : { authorizer: authorization.authorizer }),
      ...(usage.apiKey ? { apiKey: usage.apiKey } : {}),
    });
    return this.invoke(route, event, ids);
  }

  /**
   * API keys and throttles, after the authorizer: customer-scoped methods require the
   * key the customer authorizer named, and its usage plan's throttle applies to it.
   */
  private admit(route: RouteDefinition, usageKey: string | undefined): { refusal: GatewayRefusal } | { apiKey?: { id: string; value: string } } {
    const required = route.access.kind === 'customer';
    if (!this.rateLimits) return required ? { refusal: { type: 'INVALID_API_KEY' } } : {};
    const refusal = this.rateLimits.admit(`${route.method} ${route.path}`, { required, value: usageKey });
    if (refusal) return { refusal };
    const key = required && usageKey !== undefined ? this.options.rateLimits?.usagePlans.keyOf(usageKey) : undefined;
    return key ? { apiKey: { id: key.id, value: key.value } } : {};
  }

  private async authorize(route: RouteDefinition, token: string | undefined, path: string): Promise<AuthorizerOutcome> {
    if (route.access.kind === 'public') return { allowed: true, authorizer: {} };
    // API Gateway answers 401 itself when the identity source header is absent.
    if (!token) return { allowed: false, refusal: { type: 'UNAUTHORIZED' } };
    const arn = methodArn(route, path);
    return this.runAuthorizer(arn, async () => {
      const authorize = await this.loadAuthorizer();
      return runAs(eventFunctions.authorizer, () => authorize({ type: 'TOKEN', authorizationToken: token, methodArn: arn }));
    });
  }

  /**
   * The REQUEST authorizer of customer-scoped routes. Its identity sources are the
   * Authorization header and `$context.path`; API Gateway answers 401 without calling
   * it when one is missing or empty (the `identitySource` of CreateAuthorizer), and
   * the path never is.
   */
  private async authorizeCustomerRequest(input: Parameters<typeof requestAuthorizerEvent>[0]): Promise<AuthorizerOutcome> {
    if (!input.headers.authorization) return { allowed: false, refusal: { type: 'UNAUTHORIZED' } };
    const event = requestAuthorizerEvent(input);
    const definition = eventFunctions.customerAuthorizer;
    return this.runAuthorizer(event.methodArn, async () => {
      const authorize = await this.loadCustomerAuthorizer();
      return runAs(definition, () => authorize(event, lambdaContext(definition.id, AUTHORIZER_TIMEOUT_SECONDS)));
    });
  }

  private async runAuthorizer(arn: string, call: () => Promise<unknown>): Promise<AuthorizerOutcome> {
    let result: unknown;
    try {
      result = await call();
    } catch (error) {
      const outcome = authorizerErrorOutcome(error);
      if (!outcome.allowed && outcome.refusal.type === 'AUTHORIZER_FAILURE') this.logError('[local-gateway] the authorizer failed:', error);
      return outcome;
    }
    const outcome = authorizerOutcome(result, arn);
    if (!outcome.allowed && outcome.refusal.type === 'AUTHORIZER_CONFIGURATION_ERROR') {
      this.logError(`[local-gateway] the authorizer returned an invalid result: ${JSON.stringify(result)}`);
    }
    return outcome;
  }

  /**
   * Invokes the route's function within its timeout. A function that throws, times
   * out or returns no valid proxy result is a Lambda function error, which API
   * Gateway answers with INTEGRATION_FAILURE.
   */
  private async invoke(route: RouteDefinition, event: APIGatewayProxyEvent, ids: RequestIds): Promise<Reply> {
    const timeoutSeconds = route.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const grants = { id: route.id, ...grantsFor(route) };
    const faultHeader = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === FAULT_HEADER)?.[1];
    const fault = faultHeader === undefined ? undefined : parseFaultHeader(faultHeader);
    if (faultHeader !== undefined && !fault) {
      return { statusCode: 400, headers: { 'content-type': 'text/plain' }, body: `${FAULT_HEADER} must be 'count' or <service>:<n>:<before|after>` };
    }
    let result: unknown;
    let calls: string | undefined;
    try {
      const handler = await this.loadHandler(route.handler);
      const run = () => runAs(grants, () => handler(event, lambdaContext(route.id, timeoutSeconds)));
      result = await invokeWithin(timeoutSeconds, async () => {
        if (!fault) return run();
        const scoped = await withFaultScope(fault, run);
        calls = scoped.calls;
        return scoped.result;
      });
    } catch (error) {
      const what = error instanceof FunctionTimedOut ? error.message : 'the function failed';
      this.logError(`[local-gateway] ${route.id} (${ids.requestId}): ${what}`, error instanceof FunctionTimedOut ? undefined : error);
      return gatewayAnswer({ type: 'INTEGRATION_FAILURE' }, ids);
    }
    const answer = readProxyResult(result);
    if (answer) return calls === undefined ? answer : { ...answer, headers: { ...answer.headers, [CALLS_HEADER]: calls } };
    this.logError(`[local-gateway] ${route.id} (${ids.requestId}): malformed Lambda proxy response: ${JSON.stringify(result)}`);
    return gatewayAnswer({ type: 'INTEGRATION_FAILURE' }, ids);
  }

  /**
   * Writes a reply with the CORS origin headers and returns the status sent. A reply
   * that cannot be written (a header Node refuses) is replaced by `unexpected`, or the
   * socket is closed when the headers are already out.
   */
  private send(req: IncomingMessage, res: ServerResponse, reply: Reply, unexpected: Reply): number {
    const cors = allowOriginHeaders(this.options.corsOrigins, req.headers.origin);
    try {
      res.writeHead(reply.statusCode, { ...cors, ...reply.headers }).end(reply.body);
      return reply.statusCode;
    } catch (error) {
      this.logError('[local-gateway] could not write the answer:', error);
      if (res.headersSent) {
        res.destroy();
        return reply.statusCode;
      }
      res.writeHead(unexpected.statusCode, { ...cors, ...unexpected.headers }).end(unexpected.body);
      return unexpected.statusCode;
    }
  }

  private logError(message: string, error?: unknown): void {
    (this.options.logError ?? ((m: string, e?: unknown) => (e === undefined ? console.error(m) : console.error(m, e))))(message, error);
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
    this.authorizer ??= this.importEntry(`${eventFunctions.authorizer.handler}.ts`).then((m) => m.handler as TokenAuthorizer);
    return this.authorizer;
  }

  private loadCustomerAuthorizer(): Promise<RequestAuthorizer> {
    this.customerAuthorizer ??= this.importEntry(`${eventFunctions.customerAuthorizer.handler}.ts`).then((m) => m.handler as RequestAuthorizer);
    return this.customerAuthorizer;
  }

  private async importEntry(file: string): Promise<Record<string, unknown>> {
    return (await import(pathToFileURL(join(this.options.functionsDir, file)).href)) as Record<string, unknown>;
  }
}
