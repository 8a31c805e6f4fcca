import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { handlerEnvironment } from '#local/handler-environment.ts';
import { routeTable, type RouteId } from '#shared/routes/index.ts';
import { requestSchemas } from '#shared/routes/request-schemas.ts';
import { tableList } from '#shared/tables/definitions.ts';

/** What each handler passed to routeHandler / openRouteHandler, by route id. */
const passed = vi.hoisted(() => new Map<string, { body?: unknown; query?: unknown }>());

vi.mock('#shared/api/route-handler.ts', () => ({
  routeHandler: (id: string, options: { body?: unknown; query?: unknown }) => {
    passed.set(id, options);
    return () => undefined;
  },
}));
vi.mock('#shared/api/open-route-handler.ts', () => ({
  openRouteHandler: (id: string, options: { body?: unknown; query?: unknown }) => {
    passed.set(id, options);
    return () => undefined;
  },
}));

beforeAll(async () => {
  // Module-level configuration of the handlers; nothing is called.
  const local = 'http://127.0.0.1:9';
  for (const [name, value] of Object.entries(
    handlerEnvironment(
      {
        region: 'us-east-1',
        cognito: { endpoint: local, user_pool_id: 'us-east-1_pool', client_id: 'client' },
        dynamodb_endpoint: local,
        s3_endpoint: local,
        cloudformation_endpoint: local,
        tables: Object.fromEntries(tableList.map((t) => [t.name, `t-${t.name}`])),
        bucket_prefix: 'portico-test',
        platform_buckets: { finance: 'finance-bucket' },
      },
      ['*'],
    ),
  )) {
    vi.stubEnv(name, value);
  }
  for (const route of routeTable) await import(/* @vite-ignore */ `#functions/${route.handler}.ts`);
});

describe('the request schema map', () => {
  it('has exactly one entry per route of the table', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual(routeTable.map((r) => r.id).sort());
  });

  it.each(routeTable.map((r) => [r.id as RouteId]))('%s: the handler validates with the schemas the map names', (id) => {
    const entry = requestSchemas[id] as { body: z.ZodType | null; validateBody?: unknown; query: z.ZodType | null };
    const options = passed.get(id);

    expect(options, `functions for ${id} never built its chain`).toBeDefined();
    expect(options?.body ?? null).toBe(entry.validateBody ?? entry.body);
    expect(options?.query ?? null).toBe(entry.query);
  });

  it.each(Object.entries(requestSchemas).filter(([, e]) => e.body !== null || e.query !== null))(
    '%s: its schemas have a JSON Schema of their input (what clients send)',
    (_id, entry) => {
      const schemas = [entry.body, entry.query].filter((schema): schema is NonNullable<typeof schema> => schema !== null);
      expect(schemas.map((schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))).toEqual(
        schemas.map(() => expect.objectContaining({ type: 'object' })),
      );
    },
  );

  it.each(Object.entries(requestSchemas).flatMap(([id, entry]) => ('validateBody' in entry ? [[id, entry] as const] : [])))(
    '%s: the function that validates the body refuses what its schema refuses',
    (_id, entry) => {
      expect(entry.body.safeParse({ unexpected: 1 }).success).toBe(false);
      expect(() => entry.validateBody({ unexpected: 1 })).toThrow();
    },
  );
});
