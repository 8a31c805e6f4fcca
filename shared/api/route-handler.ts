import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { authorize, type AccessGrant } from '../auth/access-guard.ts';
import { ENV } from '../config/env-vars.ts';
import { optionalEnv } from '../config/runtime.ts';
import { logger } from '../observability/logger.ts';
import { routeById, type RouteDefinition, type RouteId } from '../routes/index.ts';
import { parseOrThrow } from '../validation/zod.ts';
import { bodyLimit } from './body-limit.ts';
import { callerFromEvent, type Caller } from './caller.ts';
import { problemErrorHandler } from './error-handler.ts';
import type { HttpResult } from './responses.ts';

const corsOrigins = optionalEnv(ENV.corsAllowOrigin, '*').split(',').map((o) => o.trim());

export interface ApiRequest<Body, Query> extends AccessGrant {
  readonly event: APIGatewayProxyEvent;
  readonly context: Context;
  readonly route: RouteDefinition;
  readonly body: Body;
  /** The body as sent, before defaults and coercion (for idempotency hashes). */
  readonly rawBody: unknown;
  readonly query: Query;
  readonly params: Readonly<Record<string, string>>;
  /** Set on every route but public ones: the authorizer has verified the token. */
  readonly caller: Caller;
  readonly requestId: string;
  header(name: string): string | undefined;
}

/** A zod schema, or a function that returns the validated body or throws a ValidationError. */
type BodySpec = z.ZodType | ((raw: unknown) => unknown);

interface RouteOptions<B extends BodySpec | undefined, Q extends z.ZodType | undefined> {
  /** How to validate the JSON body; a route without one ignores any body. */
  readonly body?: B;
  /** Schema of the query string (all values arrive as strings). */
  readonly query?: Q;
  /** Largest body accepted. @default MAX_BODY_BYTES (64 KB) */
  readonly maxBodyBytes?: number;
}

type Out<S> = S extends z.ZodType ? z.output<S> : S extends (raw: unknown) => infer T ? T : undefined;

function validateBody(spec: BodySpec, raw: unknown): unknown {
  return typeof spec === 'function' ? spec(raw) : parseOrThrow(spec, raw);
}

/**
 * The one HTTP chain: logger context → header normalizer → CORS → problem
 * error handler → body limit → JSON parser → access rule → validation → handler.
 * Handlers receive a validated request and return a result or throw an HttpProblem.
 */
export function routeHandler<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  routeId: RouteId,
  options: RouteOptions<B, Q>,
  handle: (request: ApiRequest<Out<B>, Out<Q>>) => Promise<HttpResult>,
) {
  const route = routeById(routeId);
  const chain = middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(httpHeaderNormalizer())
    .use(httpCors({ origins: corsOrigins, exposeHeaders: 'Location' }))
    .use(problemErrorHandler());
  if (options.body) chain.use(bodyLimit(options.maxBodyBytes)).use(httpJsonBodyParser());

  return chain.handler(async (event, context) => {
    const params = (event.pathParameters ?? {}) as Record<string, string>;
    const caller = callerFromEvent(event);
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    logger.appendKeys({
      route: route.id,
      request_id: requestId,
      ...(caller ? { user_id: caller.userId } : {}),
      ...(params.customer_id ? { customer_id: params.customer_id } : {}),
    });

    const grant = await authorize({ route, caller, customerId: params.customer_id, requestId });
    const rawBody = options.body ? (event.body as unknown) : undefined;
    const body = (options.body ? validateBody(options.body, rawBody ?? undefined) : undefined) as Out<B>;
    const query = (options.query ? parseOrThrow(options.query, event.queryStringParameters ?? {}) : undefined) as Out<Q>;
    const headers = event.headers ?? {};
    return handle({
      ...grant,
      event,
      context,
      route,
      body,
      rawBody,
      query,
      params,
      caller: caller as Caller,
      requestId,
      header: (name) => headers[name.toLowerCase()] ?? undefined,
    });
  });
}
