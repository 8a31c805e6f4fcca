import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GATEWAY_RESPONSES } from '#shared/http/gateway-responses.ts';
import { PROBLEM_CONTENT_TYPE } from '#shared/http/problem.ts';
import { pathParameters, routeTable, type AccessRule, type RouteDefinition } from '#shared/routes/index.ts';
import { tableList } from '#shared/tables/definitions.ts';
import { adminToken, api, localStack, type ApiResponse } from '../../support/local-stack.ts';

/**
 * Builds a request for any route of the route table, so the isolation suite
 * covers routes added later without being edited.
 */

export const PROBLEM_JSON = PROBLEM_CONTENT_TYPE;
/** The 403 of the access guard, for a customer the caller does not belong to (or that does not exist). */
export const TENANT_DENIED = 'You do not have access to this customer.';
export const PLATFORM_ADMIN_REQUIRED = 'This action requires a platform administrator.';
export const UNAUTHORIZED = GATEWAY_RESPONSES.UNAUTHORIZED;

export const label = (route: RouteDefinition): string => `${route.method} ${route.path}`;

/** Routes with an access rule of `kind`, as `[label, route]` rows for `describe.each`. */
export function routesWhere(predicate: (access: AccessRule) => boolean): [string, RouteDefinition][] {
  return routeTable.filter((r) => predicate(r.access)).map((r) => [label(r), r]);
}

/** An id of the customer-id shape that no customer has. */
export const nonexistentCustomerId = (): string => `nobody-here-${randomBytes(4).toString('hex')}`;

/** A value for a path parameter nobody supplied: random, so it names nothing. */
const randomParam = (name: string): string => `${name.replace(/_id$/, '').replaceAll('_', '-')}-${randomBytes(8).toString('hex')}`;

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

/**
 * The request for `route` with each `{param}` taken from `ids` (a random id
 * when absent), every required query parameter set to `ids.customer_id`, and
 * a syntactically valid JSON body `{}` on methods that carry one: the access
 * guard runs before body validation, so a 403 must come before any 400.
 */
export function routeRequest(route: RouteDefinition, ids: Readonly<Record<string, string>>): RouteRequest {
  let path = route.path;
  for (const name of pathParameters(route.path)) path = path.replace(`{${name}}`, encodeURIComponent(ids[name] ?? randomParam(name)));
  const query = new URLSearchParams((route.requiredQuery ?? []).map((name): [string, string] => [name, ids.customer_id ?? randomParam(name)]));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
  return { method: route.method, path: `${path}${search}`, ...(hasBody ? { body: {} } : {}) };
}

/** Sends `request`; `authorization` is the whole header value, or undefined for none. */
export function send(request: RouteRequest, authorization?: string): Promise<ApiResponse> {
  return api(request.method, request.path, {
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(authorization !== undefined ? { headers: { Authorization: authorization } } : {}),
  });
}

export const bearer = (token: string): string => `Bearer ${token}`;

/** What a refusal looks like, without the parts that differ per request (instance, request_id). */
export function refusal(response: ApiResponse): Record<string, unknown> {
  const body = (response.body ?? {}) as Record<string, unknown>;
  return {
    status: response.status,
    content_type: response.headers.get('content-type'),
    type: body.type,
    title: body.title,
    body_status: body.status,
    detail: body.detail,
    fields: Object.keys(body).sort(),
  };
}

export const expectedRefusal = (status: number, title: string, detail: string): Record<string, unknown> => ({
  status,
  content_type: PROBLEM_JSON,
  type: 'about:blank',
  title,
  body_status: status,
  detail,
  fields: ['detail', 'instance', 'request_id', 'status', 'title', 'type'],
});

let documentClient: DynamoDBDocumentClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: localStack().dynamodb_endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return documentClient;
}

async function queryAll(input: { table: string; index?: string; key: string; value: string }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: input.table,
        ...(input.index ? { IndexName: input.index } : { ConsistentRead: true }),
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': input.key },
        ExpressionAttributeValues: { ':v': input.value },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Everything stored about one customer, read from DynamoDB Local: every item
 * of every table (or index) keyed by `customer_id`, except the audit trail,
 * which grows on purpose when access is denied; plus every membership of the
 * users named. Equal before and after means a request changed nothing.
 */
export async function footprint(customerId: string, userIds: readonly string[] = []): Promise<Record<string, unknown>> {
  const tables = localStack().tables;
  const reads: [string, Promise<Record<string, unknown>[]>][] = [];
  for (const table of tableList) {
    if (table.name === 'audit') continue;
    const physical = tables[table.name] as string;
    if (table.partitionKey.name === 'customer_id') reads.push([table.name, queryAll({ table: physical, key: 'customer_id', value: customerId })]);
    for (const index of table.globalIndexes) {
      if (index.partitionKey.name === 'customer_id') {
        reads.push([`${table.name}/${index.name}`, queryAll({ table: physical, index: index.name, key: 'customer_id', value: customerId })]);
      }
    }
  }
  for (const userId of userIds) {
    reads.push([`memberships of ${userId}`, queryAll({ table: tables.memberships as string, key: 'user_id', value: userId })]);
  }
  const results = await Promise.all(reads.map(([, read]) => read));
  return Object.fromEntries(reads.map(([name], i) => [name, sortItems(results[i] ?? [])]));
}

const sortItems = (items: Record<string, unknown>[]) => items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();

export interface AuditItem {
  readonly action: string;
  readonly actor: string;
  readonly target: string;
  readonly request_id?: string;
  readonly details?: Record<string, unknown>;
}

/** A customer's audit entries, straight from the audit table (works for customers that do not exist). */
export function auditItems(customerId: string): Promise<AuditItem[]> {
  return queryAll({ table: localStack().tables.audit as string, key: 'customer_id', value: customerId }) as unknown as Promise<AuditItem[]>;
}

/** A customer's audit trail as its API answers it to a platform admin, every page. */
export async function auditTrail(customerId: string): Promise<AuditItem[]> {
  const token = await adminToken();
  const events: AuditItem[] = [];
  let next: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(next ? { next_token: next } : {}) });
    const page = await api('GET', `/customers/${customerId}/audit?${query.toString()}`, { token });
    if (page.status !== 200) throw new Error(`audit of ${customerId}: ${page.status} ${page.text}`);
    events.push(...(page.body.events as AuditItem[]));
    next = page.body.next_token as string | undefined;
  } while (next);
  return events;
}
