import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertPathParameters } from '#shared/api/path-parameters.ts';
import { CLIENT_TYPES_FILE, renderClientTypes } from '#shared/openapi/client-types.ts';
import { OPENAPI_FILE, renderOpenApiDocument } from '#shared/openapi/write-document.ts';
import { routeTable } from '#shared/routes/index.ts';
import { DocumentSchemas, pointerToken } from '#test/support/openapi/schema-validator.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-portico-access': unknown;
  parameters?: { name: string; in: string; required: boolean; example?: string; schema: { pattern?: string } }[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }> }>;
}

const text = renderOpenApiDocument();
const document = JSON.parse(text) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

describe('the OpenAPI document', () => {
  it('is exactly what the route table and its schemas generate, and so are the client types (run `npm run openapi` when this fails)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(text);
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(await renderClientTypes(text));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document).toMatchObject({ openapi: '3.1.0' });
  });

  it('has every route of the table with its method, path and access rule, and nothing else', () => {
    const expected = routeTable.map((route) => `${route.method} ${route.path} ${route.id}`).sort();
    const actual = operations.map(({ path, method, operation }) => `${method.toUpperCase()} ${path} ${operation.operationId}`).sort();
    expect(actual).toEqual(expected);
    for (const route of routeTable) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.['x-portico-access']).toEqual(route.access);
      // Public routes opt out of the document-wide bearer requirement; the others inherit it.
      expect(operation?.security).toEqual(route.access.kind === 'public' ? [] : undefined);
    }
  });

  it('says which problems each route answers, as problem+json', () => {
    for (const { operation } of operations) {
      const problems = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(problems.length).toBeGreaterThan(0);
      for (const [, response] of problems) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
    const submit = document.paths['/customers/{customer_id}/worksets']?.post;
    expect(Object.keys(submit?.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '403', '404', '413', '415', '429', '503']));
    const published = document.paths['/schemas/workset']?.get;
    expect(Object.keys(published?.responses ?? {}).filter((s) => Number(s) >= 400)).toEqual(['400', '429']);
  });

  it('publishes path parameter patterns whose examples the API accepts', () => {
    const parameters = operations.flatMap(({ operation }) => operation.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'plan_id');
    expect(parameters.length).toBeGreaterThan(0);
    for (const parameter of parameters) {
      expect(parameter.example).toMatch(new RegExp(parameter.schema.pattern ?? '^$'));
      expect(() => assertPathParameters({ [parameter.name]: parameter.example ?? '' })).not.toThrow();
    }
  });

  describe('examples', () => {
    let schemas: DocumentSchemas;
    beforeAll(() => {
      schemas = new DocumentSchemas(document);
    });

    const examples = operations.flatMap(({ path, method, operation }) => {
      const base = `/paths/${pointerToken(path)}/${method}`;
      const request = Object.entries(operation.requestBody?.content ?? {}).flatMap(([media, content]) =>
        Object.entries(content.examples ?? {}).map(([name, example]) => ({
          label: `${operation.operationId} request ${name}`,
          pointer: `${base}/requestBody/content/${pointerToken(media)}/schema`,
          value: example.value,
        })),
      );
      const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
        Object.entries(response.content ?? {}).flatMap(([media, content]) =>
          Object.entries(content.examples ?? {}).map(([name, example]) => ({
            label: `${operation.operationId} ${status} ${name}`,
            pointer: `${base}/responses/${status}/content/${pointerToken(media)}/schema`,
            value: example.value,
          })),
        ),
      );
      return [...request, ...responses];
    });

    it('include the Daylily reference requests and answers', () => {
      const labels = examples.map((e) => e.label);
      expect(labels.some((l) => l.startsWith('customers.create request'))).toBe(true);
      expect(labels.some((l) => l.startsWith('usage.get 200'))).toBe(true);
      expect(labels.some((l) => l.startsWith('worksets.generateYaml request'))).toBe(true);
    });

    it.each(examples.map((e) => [e.label, e] as const))('%s validates against its schema', (_label, example) => {
      expect(schemas.errorsOf(example.pointer, example.value)).toEqual([]);
    });

    it('are checked for real: a broken example is refused', () => {
      const create = examples.find((e) => e.label.startsWith('customers.create request'));
      expect(create).toBeDefined();
      expect(schemas.errorsOf(create?.pointer ?? '', { ...(create?.value as object), email: 42 })).not.toEqual([]);
    });
  });
});
