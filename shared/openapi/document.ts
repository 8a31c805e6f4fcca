import { PATH_PARAMETERS } from '../api/path-parameters.ts';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.ts';
import { pathParameters } from '../routes/index.ts';
import type { RequestSchemas } from '../routes/request-schemas.ts';
import type { RequestExample, ResponseSpec, ResponseVariant } from '../routes/response-types.ts';
import type { RouteId } from '../routes/table.ts';
import type { AccessRule, RouteDefinition } from '../routes/types.ts';
import { SchemaComponents, type JsonSchema } from './json-schema.ts';
import { problemsOf, type ProblemStatus } from './problems.ts';
import type { RequestHeader } from './request-headers.ts';

/** Everything the document is generated from; no part of it is kept by hand. */
export interface DocumentSources {
  readonly version: string;
  readonly routes: readonly RouteDefinition[];
  readonly requestSchemas: Readonly<Record<RouteId, RequestSchemas>>;
  readonly responseSchemas: Readonly<Record<RouteId, ResponseSpec>>;
  readonly requestExamples: Readonly<Partial<Record<RouteId, Readonly<Record<string, RequestExample>>>>>;
  readonly requestHeaders: Readonly<Partial<Record<RouteId, readonly RequestHeader[]>>>;
}

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
type Operation = Record<string, unknown> & { operationId: string };

const PROBLEM_TITLES: Record<ProblemStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The problems that may say when to try again. */
const RETRY_AFTER: Partial<Record<ProblemStatus, string>> = {
  409: 'Seconds to wait, when the conflict passes by itself (a stack operation under way).',
  429: 'Seconds to wait before retrying.',
  503: 'Seconds to wait before retrying.',
};

/** RFC 9457 problem details: the body of every error. */
const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. Routes add members (extensions) that say more, named in snake_case.',
  properties: {
    type: { type: 'string', description: 'Always `about:blank`: the status and title say what happened.' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong and what to do, safe to show a person.' },
    instance: { type: 'string' },
    request_id: { type: 'string', description: 'Quote it when asking an operator.' },
    errors: { type: 'array', description: 'On 400: each field refused and why.', items: { $ref: '#/components/schemas/FieldError' } },
    retry_after_seconds: { type: 'integer', minimum: 0, description: 'Also sent as `Retry-After`.' },
  },
  required: ['type', 'title', 'status', 'detail'],
};

const FIELD_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', description: 'Dotted path into the request (`samples.0.fastq_r2`), a parameter name, or `` for the whole body.' },
    message: { type: 'string' },
    accepted: { type: 'array', items: { type: 'string' }, description: 'The values that would have been accepted, when there is a closed list.' },
  },
  required: ['field', 'message'],
};

const ACCESS_WORDS: Record<AccessRule['kind'], (rule: AccessRule) => string> = {
  public: () => 'Anyone: no token needed.',
  authenticated: () => 'Any signed-in user.',
  'platform-admin': () => 'Platform admins only.',
  service: () => "The platform's service accounts and platform admins.",
  customer: (rule) => {
    const { role, write } = rule as Extract<AccessRule, { kind: 'customer' }>;
    const who = role === 'admin' ? "Admins of the customer named in the path" : 'Members of the customer named in the path (any role)';
    return `${who}, and platform admins.${write ? ' Refused while the customer is not active.' : ''}`;
  },
};

/**
 * The OpenAPI 3.1 document of the API, generated from the route table and
 * each route's request and response schemas. `npm run openapi` writes it;
 * `GET /openapi.json` serves that prebuilt file.
 */
export function buildOpenApiDocument(sources: DocumentSources): OpenApiDocument {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, Operation>> = {};
  const routes = sources.routes;
  // Every answer before any request: a component both sides share keeps its plain name for what clients receive.
  const operations = new Map<string, Operation>();
  for (const route of routes) operations.set(route.id, { operationId: route.id, responses: responsesOf(route, sources, components) });
  for (const route of routes) {
    const operation = operations.get(route.id) as Operation;
    const id = route.id as RouteId;
    const request = sources.requestSchemas[id];
    const parameters = [...pathParametersOf(route), ...queryParametersOf(route, request, components), ...headerParametersOf(sources.requestHeaders[id] ?? [])];
    const body = request.body ? requestBodyOf(bodySchemaOf(request.body, route, sources, components), sources.requestExamples[id]) : undefined;
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, Operation>)[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      description: `**Who may call:** ${ACCESS_WORDS[route.access.kind](route.access)}`,
      tags: [tagOf(route)],
      ...(route.access.kind === 'public' ? { security: [] } : {}),
      'x-portico-access': route.access,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: operation.responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: sources.version,
      summary: 'Multi-tenant customer platform: customers, members, quotas, worksets, uploads, usage and billing.',
      description:
        'Every error is `application/problem+json` (RFC 9457). Sign in with the Cognito user pool and send the ID token as `Authorization: Bearer <token>`. Lists are paginated with `limit` and the `next_token` of the previous page.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      { url: 'http://127.0.0.1:3000', description: 'The local stack (`npm start`)' },
      {
        url: 'https://{api_id}.execute-api.{region}.amazonaws.com/{stage}',
        description: 'A deployment (the `ApiUrl` output of `cdk deploy`)',
        variables: { api_id: { default: 'abcdef1234' }, region: { default: 'us-east-1' }, stage: { default: 'prod' } },
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(routes.map(tagOf))].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token of the Portico user pool.' },
      },
      schemas: { Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA, ...sortedByName(components.schemas) },
    },
  };
}

function tagOf(route: RouteDefinition): string {
  return route.id.split('.')[0] as string;
}

function pathParametersOf(route: RouteDefinition): Record<string, unknown>[] {
  return pathParameters(route.path).map((name) => {
    const shape = PATH_PARAMETERS[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: shape ? { type: 'string', pattern: shape.pattern.source } : { type: 'string' },
      ...(shape ? { example: shape.example } : {}),
    };
  });
}

function queryParametersOf(route: RouteDefinition, request: RequestSchemas, components: SchemaComponents): Record<string, unknown>[] {
  if (!request.query) return [];
  const schema = components.convert(request.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = new Set([...(schema.required ?? []), ...(route.requiredQuery ?? [])]);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

function headerParametersOf(headers: readonly RequestHeader[]): Record<string, unknown>[] {
  return headers.map((header) => ({ name: header.name, in: 'header', required: false, description: header.description, schema: header.schema }));
}

/** A body schema several routes take is one component, named after the first of them (`worksets.submit` → `WorksetsSubmitRequest`). */
function bodySchemaOf(body: NonNullable<RequestSchemas['body']>, route: RouteDefinition, sources: DocumentSources, components: SchemaComponents): JsonSchema {
  const sharing = sources.routes.filter((other) => sources.requestSchemas[other.id as RouteId].body === body);
  if (sharing.length < 2) return components.convert(body, 'input');
  const first = (sharing[0] as RouteDefinition).id;
  return components.named(body, 'input', `${first.split(/[.-]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}Request`);
}

function requestBodyOf(schema: JsonSchema, examples: Readonly<Record<string, RequestExample>> | undefined) {
  return {
    required: true,
    content: {
      'application/json': {
        schema,
        ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([name, e]) => [name, { summary: e.summary, value: e.value }])) } : {}),
      },
    },
  };
}

function responsesOf(route: RouteDefinition, sources: DocumentSources, components: SchemaComponents): Record<string, unknown> {
  const id = route.id as RouteId;
  const spec = sources.responseSchemas[id];
  const responses: Record<string, unknown> = {};
  for (const variant of spec.success) responses[String(variant.status)] = successResponse(variant, components);
  const problems = problemsOf(route, sources.requestSchemas[id], spec);
  for (const [status, why] of Object.entries(problems).sort(([a], [b]) => Number(a) - Number(b))) {
    const code = Number(status) as ProblemStatus;
    responses[status] = {
      description: `${PROBLEM_TITLES[code]}: ${why}`,
      ...(RETRY_AFTER[code] ? { headers: { 'Retry-After': { description: RETRY_AFTER[code], required: false, schema: { type: 'integer', minimum: 0 } } } } : {}),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return responses;
}

function successResponse(variant: ResponseVariant, components: SchemaComponents): Record<string, unknown> {
  const media = (body: ResponseVariant['body'], examples?: ResponseVariant['examples']) => ({
    ...(body ? { schema: components.convert(body, 'output') } : {}),
    ...(examples ? { examples } : {}),
  });
  const content: Record<string, unknown> = {};
  if (variant.body || variant.contentType) content[variant.contentType ?? 'application/json'] = media(variant.body, variant.examples);
  for (const alternative of variant.alternatives ?? []) content[alternative.contentType] = media(alternative.body);
  const headers = Object.entries(variant.headers ?? {}).map(([name, header]) => [
    name,
    { description: header.description, required: header.required ?? false, schema: { type: 'string' } },
  ]);
  return {
    description: variant.description,
    ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
}

function sortedByName(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}
