import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { ENV } from '../config/env-vars.ts';
import { optionalEnv } from '../config/runtime.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { CORS_EXPOSE_HEADERS } from '../http/cors.ts';
import { problemErrorHandler } from '../http/error-handler.ts';
import type { HttpResult } from '../http/responses.ts';
import type { Membership } from '../memberships/membership.ts';
import { logger } from '../observability/logger.ts';
import { routeById, type RouteDefinition, type RouteId } from '../routes/index.ts';
import { inFunction } from '../runtime/invocation.ts';
import type { routes } from '../routes/table.ts';
import { assertWellFormedText } from '../validation/well-formed.ts';
import { parseOrThrow } from '../validation/zod.ts';
import type { AccessGrant } from './access-guard.ts';
import { callerFromEvent, type Caller } from './caller.ts';
import { assertPathParameters } from './path-parameters.ts';

const corsOrigins = optionalEnv(ENV.corsAllowOrigin, '*').split(',').map((o) => o.trim());

type RouteOf<Id extends RouteId> = Extract<(typeof routes)[number], { readonly id: Id }>;
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
/** `/customers/{customer_id}/users/{user_id}` → `{ customer_id: string; user_id: string }`. */
export type PathParams<Id extends RouteId> = { readonly [Name in ParamNames<RouteOf<Id>['path']>]: string };

type AccessOf<Id extends RouteId> = RouteOf<Id>['access'];
/** What the access guard hands over, by the route's access rule. */
export type GrantOf<Id extends RouteId> = AccessOf<Id> extends { readonly kind: 'customer' } | { readonly kind: 'service' }
  ? { readonly platformAdmin: boolean; readonly customer: CustomerItem; readonly membership?: Membership }
  : { readonly platformAdmin: boolean };
type CallerOf<Id extends RouteId> = AccessOf<Id> extends { readonly kind: 'public' } ? { readonly caller?: undefined } : { readonly caller: Caller };

export type ApiRequest<Id extends RouteId, Body, Query> = GrantOf<Id> &
  CallerOf<Id> & {
    readonly event: APIGatewayProxyEvent;
    readonly context: Context;
    readonly route: RouteDefinition;
    readonly body: Body;
    /** The body as sent, before defaults and coercion (for idempotency hashes). */
    readonly rawBody: unknown;
    readonly query: Query;
    readonly params: PathParams<Id>;
    readonly requestId: string;
    header(name: string): string | undefined;
  };

/** A zod schema, or a function that returns the validated body or throws a ValidationError. */
export type BodySpec = z.ZodType | ((raw: unknown) => unknown);

export interface RouteOptions<B extends BodySpec | undefined, Q extends z.ZodType | undefined> {
  /** How to validate the JSON body; a route without one ignores any body. */
  readonly body?: B;
  /** Schema of the query string (all values arrive as strings). */
  readonly query?: Q;
  /** Largest body accepted. @default MAX_BODY_BYTES (64 KB) */
  readonly maxBodyBytes?: number;
}

export type Out<S> = S extends z.ZodType ? z.output<S> : S extends (raw: unknown) => infer T ? T : undefined;

function validateBody(spec: BodySpec, raw: unknown): unknown {
  return typeof spec === 'function' ? spec(raw) : parseOrThrow(spec, raw);
}

/** How a chain enforces its route's access rule: the access guard, or the open rule of routes that need no lookup. */
export interface AccessCheck {
  readonly authorize: (input: {
    readonly route: RouteDefinition;
    readonly caller: Caller | undefined;
    readonly customerId: string | undefined;
    readonly requestId: string;
  }) => Promise<AccessGrant>;
  /** Called once access is granted; what it returns runs after the handler, whatever it answered. */
  readonly admitted?: (route: RouteDefinition, grant: AccessGrant) => (() => Promise<void>) | undefined;
}

/**
 * The one HTTP chain: logger context → header normalizer → CORS → problem
 * error handler → body limit → JSON parser → access rule → path parameters →
 * well-formed text → validation → handler. Handlers receive a validated
 * request, typed from their route (path parameters, customer, caller), and
 * return a result or throw an HttpProblem. The access check is passed in so
 * that routes which need no lookup (`open-route-handler.ts`) do not bundle
 * the guard's DynamoDB and Cognito clients.
 */
export function buildRouteHandler<Id extends RouteId, B extends BodySpec | undefined, Q extends z.ZodType | undefined>(
  access: AccessCheck,
  routeId: Id,
  options: RouteOptions<B, Q>,
  handle: (request: ApiRequest<Id, Out<B>, Out<Q>>) => Promise<HttpResult>,
) {
  const route = routeById(routeId);
  const chain = middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(httpHeaderNormalizer())
    .use(httpCors({ origins: corsOrigins, exposeHeaders: CORS_EXPOSE_HEADERS.join(',') }))
    .use(problemErrorHandler());
  if (options.body) chain.use(bodyLimit(options.maxBodyBytes)).use(httpJsonBodyParser());

  return chain.handler(async (event, context) => inFunction(context.functionName, async () => {
    const params = (event.pathParameters ?? {}) as Record<string, string>;
    const caller = callerFromEvent(event);
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    logger.appendKeys({
      route: route.id,
      request_id: requestId,
      ...(caller ? { user_id: caller.userId } : {}),
      ...(params.customer_id ? { customer_id: params.customer_id.toWellFormed().slice(0, 64) } : {}),
    });

    const grant = await access.authorize({ route, caller, customerId: params.customer_id, requestId });
    const after = access.admitted?.(route, grant);
    try {
      return await handleAuthorized(grant, params, caller, requestId, event, context);
    } finally {
      await after?.();
    }
  }));

  async function handleAuthorized(
    grant: AccessGrant,
    params: Record<string, string>,
    caller: Caller | undefined,
    requestId: string,
    event: APIGatewayProxyEvent,
    context: Context,
  ): Promise<HttpResult> {
    assertPathParameters(params);
    const rawQuery = event.queryStringParameters ?? {};
    assertWellFormedText(rawQuery, '');
    const rawBody = options.body ? (event.body as unknown) : undefined;
    if (options.body) assertWellFormedText(rawBody, '');
    const body = (options.body ? validateBody(options.body, rawBody ?? undefined) : undefined) as Out<B>;
    const query = (options.query ? parseOrThrow(options.query, rawQuery) : undefined) as Out<Q>;
    const headers = event.headers ?? {};
    const request = {
      ...grant,
      event,
      context,
      route,
      body,
      rawBody,
      query,
      params,
      caller,
      requestId,
      header: (name: string) => headers[name.toLowerCase()] ?? undefined,
    };
    // The guard established what GrantOf and CallerOf promise for this route's access rule.
    return handle(request as unknown as ApiRequest<Id, Out<B>, Out<Q>>);
  }
}
