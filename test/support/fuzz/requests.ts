import fc from 'fast-check';
import type * as z from 'zod';
import { idempotencyKey } from '#shared/idempotency/idempotency.ts';
import { grantsFor, pathParameters, type RouteDefinition } from '#shared/routes/index.ts';
import type { RequestSchemas } from '#shared/routes/request-schemas.ts';
import type { TableName } from '#shared/tables/definitions.ts';
import { arbitraryOf, inputJsonSchema, withoutRefusedFields } from './json-schema-arbitrary.ts';
import { bodyMutations, forgedTokenMutations, headerMutations, pathMutations, queryMutations, type FuzzRequest } from './mutations.ts';
import { defaultParams, type FuzzWorld, type Scenario } from './scenarios.ts';

const MAX_BODY_BYTES = 64 * 1024;
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\s*(;|$)/i;

const hasBody = (route: RouteDefinition) => route.method !== 'GET';

/** The issues a body validator finds, or undefined when it takes the value. */
function bodyIssues(schemas: RequestSchemas, value: unknown): z.core.$ZodIssue[] | undefined {
  if (!schemas.body) return undefined;
  const parsed = schemas.body.safeParse(value);
  if (!parsed.success) return parsed.error.issues;
  if (!schemas.validateBody) return undefined;
  try {
    schemas.validateBody(value);
    return undefined;
  } catch {
    return [{ code: 'custom', path: [], message: 'refused by the validator', input: value }];
  }
}

const queryObject = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));

/** A valid request of `route`: A's ids (or the scenario's), a derived body and query the schemas accept. */
export function validRequests(route: RouteDefinition, schemas: RequestSchemas, scenario: Scenario, world: FuzzWorld): fc.Arbitrary<{ request: FuzzRequest; body: unknown }> {
  const ids = { ...defaultParams(world), ...scenario.params?.(world) };
  const params = Object.fromEntries(pathParameters(route.path).map((name) => [name, encodeURIComponent(ids[name] ?? '')]));
  const bodySchema = schemas.body;
  const body: fc.Arbitrary<unknown> = scenario.validBody
    ? scenario.validBody(world)
    : bodySchema
      ? arbitraryOf(inputJsonSchema(bodySchema), { hints: scenario.bodyHints?.(world) ?? {} })
          .map((value) => withoutRefusedFields(value, (v) => bodyIssues(schemas, v)))
          .filter((value) => bodyIssues(schemas, value) === undefined)
      : fc.constant(undefined);
  const querySchema = schemas.query;
  const query: fc.Arbitrary<Record<string, string>> = querySchema
    ? arbitraryOf(inputJsonSchema(querySchema), { hints: scenario.queryHints?.(world) ?? {} })
        .map((value) => queryObject(withoutRefusedFields(queryObject(value), (v) => { const r = querySchema.safeParse(v); return r.success ? undefined : r.error.issues; })))
        .filter((value) => querySchema.safeParse(value).success)
    : fc.constant({});
  const headers: Record<string, string> = bodySchema ? { 'content-type': 'application/json' } : {};
  return fc.tuple(body, query).map(([value, q]): { request: FuzzRequest; body: unknown } => ({
    body: value,
    request: {
      mutation: 'none (valid)',
      params,
      query: Object.entries(q),
      headers,
      ...(bodySchema && value !== undefined ? { body: { json: value } } : {}),
    },
  }));
}

/** Every kind of mutation that applies to the route, of a valid request. */
export function mutatedRequests(
  route: RouteDefinition,
  schemas: RequestSchemas,
  scenario: Scenario,
  world: FuzzWorld,
  valid: { request: FuzzRequest; body: unknown },
): fc.Arbitrary<FuzzRequest> {
  const { request } = valid;
  // What the route reads weighs most: its body, its query.
  const kinds: fc.WeightedArbitrary<FuzzRequest>[] = [];
  if (hasBody(route)) {
    const base = schemas.body ? request : { ...request, headers: { ...request.headers, 'content-type': 'application/json' } };
    kinds.push({ arbitrary: bodyMutations(base, schemas.body ? valid.body : { fuzz: true }), weight: schemas.body ? 4 : 1 });
  }
  const queryShape = (schemas.query as { shape?: Record<string, unknown> } | null)?.shape;
  kinds.push({ arbitrary: queryMutations(request, Object.keys(queryShape ?? {})), weight: schemas.query ? 3 : 1 });
  if (queryShape && 'next_token' in queryShape) {
    kinds.push({ arbitrary: forgedTokenMutations(request, world.foreignTokens[route.id as keyof typeof world.foreignTokens] ?? []), weight: 2 });
  }
  kinds.push({ arbitrary: headerMutations(request, schemas.body !== null), weight: 1 });
  const names = pathParameters(route.path);
  if (names.length > 0) kinds.push({ arbitrary: pathMutations(request, names, crossTenantIds(route, scenario, world)), weight: 2 });
  return fc.oneof(...kinds);
}

/** Another tenant's real ids, for a caller of tenant A: the same 403 as a customer that does not exist. */
function crossTenantIds(route: RouteDefinition, scenario: Scenario, world: FuzzWorld) {
  if (route.access.kind !== 'customer') return [];
  const denied = { status: 403, why: "another tenant's customer: the access guard's 403" };
  const others = [
    { param: 'customer_id', value: world.b.customerId, ...denied },
    { param: 'customer_id', value: 'nobody-here-00000000', ...denied, why: 'a customer that does not exist: the same 403' },
  ];
  // B's ids under A's customer name nothing of A's.
  const foreign: Record<string, { value: string; status: number }> = {
    workset_id: { value: world.b.worksetId, status: 404 },
    upload_id: { value: world.b.uploadId, status: 404 },
    user_id: { value: world.b.member.userId, status: 404 },
  };
  for (const name of pathParameters(route.path)) {
    const other = foreign[name];
    const special = scenario.foreignIds?.[name];
    if (other) others.push({ param: name, value: other.value, status: special?.status ?? other.status, why: special?.why ?? `customer B's ${name} under customer A` });
  }
  return others;
}

export type Expected = { readonly statuses: readonly number[]; readonly why: string } | { readonly reject: true; readonly why: string };

/** What the request must answer, from its mutation, the request schemas and the scenario. */
export function expectedAnswer(route: RouteDefinition, schemas: RequestSchemas, scenario: Scenario, world: FuzzWorld, request: FuzzRequest): Expected {
  if (request.expect?.status !== undefined) return { statuses: [request.expect.status], why: request.expect.why };
  if (request.expect?.reject) return { reject: true, why: request.expect.why };
  if (schemas.body) {
    const contentType = request.headers['content-type'] ?? '';
    let value: unknown;
    if (request.body && 'raw' in request.body) {
      if (request.body.raw !== '') {
        try {
          value = JSON.parse(request.body.raw);
        } catch {
          return { reject: true, why: 'the body is not JSON' };
        }
      }
    } else {
      value = request.body?.json;
    }
    // The chain validates a JSON null as no body at all.
    value ??= undefined;
    const bytes = Buffer.byteLength(request.body ? ('raw' in request.body ? request.body.raw : JSON.stringify(request.body.json)) : '', 'utf8');
    if (bytes > (scenario.maxBodyBytes ?? MAX_BODY_BYTES)) return { reject: true, why: 'the body is over the limit' };
    if (request.body && bytes > 0 && !JSON_MEDIA_TYPE.test(contentType)) return { reject: true, why: 'the body is not sent as JSON' };
    if (!wellFormed(value)) return { reject: true, why: 'text with unpaired surrogates' };
    const issues = bodyIssues(schemas, value);
    if (issues) return { reject: true, why: `the body schema refuses it: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ').slice(0, 200)}` };
  }
  if (schemas.query) {
    const sent = Object.fromEntries(new URLSearchParams(queryString(request)));
    const parsed = schemas.query.safeParse(sent);
    if (!parsed.success) return { reject: true, why: `the query schema refuses it: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ').slice(0, 200)}` };
    // Valid requests carry no page token: any other is one this listing did not return.
    if (sent.next_token) return { statuses: [400], why: 'a page token this listing did not return is a 400 naming next_token' };
  }
  const key = request.headers['idempotency-key'];
  if (scenario.idempotencyKey && key !== undefined && !validIdempotencyKey(key)) return { statuses: [400], why: 'an Idempotency-Key outside its shape' };
  const notAcceptable = request.headers.accept !== undefined ? scenario.acceptRule?.(request.headers.accept) : undefined;
  if (notAcceptable) return { statuses: [notAcceptable], why: 'an Accept the route cannot produce' };
  return scenario.semantic?.(world, request) ?? { statuses: scenario.valid?.statuses ?? [200, 201, 202, 204], why: scenario.valid?.why ?? 'a valid request succeeds' };
}

function validIdempotencyKey(value: string): boolean {
  try {
    idempotencyKey('fuzz', 'fuzz', value);
    return true;
  } catch {
    return false;
  }
}

/** No text in the value (keys included) has an unpaired surrogate; iterative, as bodies nest 3,000 deep. */
function wellFormed(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string' && !next.isWellFormed()) return false;
    if (next && typeof next === 'object') {
      for (const [key, child] of Object.entries(next)) {
        if (!key.isWellFormed()) return false;
        pending.push(child);
      }
    }
  }
  return true;
}

/** The query string as sent (what the gateway decodes): the pairs, then any raw text. */
export function queryString(request: FuzzRequest): string {
  const encoded = new URLSearchParams(request.query.map(([k, v]) => [k, v] as [string, string])).toString();
  return [encoded, request.rawQuery ?? ''].filter(Boolean).join('&');
}

/** The path with its parameters, and the query string. */
export function target(route: RouteDefinition, request: FuzzRequest): string {
  const path = route.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => request.params[name] ?? '');
  const query = queryString(request);
  return query ? `${path}?${query}` : path;
}

/** Tables the route's function may write (its own grants and its access guard's): the only ones a request can change. */
export function writableTables(route: RouteDefinition): TableName[] {
  const writes = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
  return (Object.entries(grantsFor(route).tables) as [TableName, readonly string[]][]).filter(([, actions]) => actions.some((a) => writes.has(a))).map(([table]) => table);
}
