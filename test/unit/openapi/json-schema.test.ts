import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SchemaComponents, type JsonSchema } from '#shared/openapi/json-schema.ts';
import { porticoOpenApiDocument } from '#shared/openapi/sources.ts';
import { routeTable, type RouteId } from '#shared/routes/index.ts';
import { requestSchemas } from '#shared/routes/request-schemas.ts';
import { responseSchemas } from '#shared/routes/response-schemas.ts';
import type { ResponseVariant } from '#shared/routes/response-types.ts';

/** The schema with every `$ref` replaced by what it names (components or `$defs`). */
function dereferenced(schema: unknown, lookup: (ref: string) => unknown, depth = 0): unknown {
  if (depth > 40) throw new Error('too deep: a cycle?');
  if (Array.isArray(schema)) return schema.map((item) => dereferenced(item, lookup, depth + 1));
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as { $ref?: string };
  if ($ref) return dereferenced({ ...(lookup($ref) as object), ...rest }, lookup, depth + 1);
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, dereferenced(value, lookup, depth + 1)]));
}

function direct(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $defs = {}, $schema: _dialect, ...root } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema & { $defs?: Record<string, unknown> };
  return dereferenced(root, (ref) => $defs[ref.slice('#/$defs/'.length)]);
}

describe('schema components', () => {
  it('name a component Input when only a component it refers to differs between the sides', () => {
    const mode = z.object({ mode: z.enum(['enforce', 'warn']).default('enforce') }).meta({ id: 'ModeProbe' });
    const modes = z.array(mode).meta({ id: 'ModesProbe' });
    const components = new SchemaComponents();

    const output = components.convert(z.object({ modes }), 'output');
    const input = components.convert(z.object({ modes }), 'input');

    expect(output).toMatchObject({ properties: { modes: { $ref: '#/components/schemas/ModesProbe' } } });
    expect(input).toMatchObject({ properties: { modes: { $ref: '#/components/schemas/ModesProbeInput' } } });
    expect(components.schemas.ModesProbeInput).toMatchObject({ items: { $ref: '#/components/schemas/ModeProbeInput' } });
    expect(components.schemas.ModeProbeInput).not.toHaveProperty('required');
    expect(components.schemas.ModeProbe).toMatchObject({ required: ['mode'] });
  });

  it('refuse to put two different schemas under one name', () => {
    const components = new SchemaComponents();
    components.named(z.object({ a: z.string() }), 'input', 'ClashProbe');
    expect(() => components.named(z.object({ b: z.number() }), 'input', 'ClashProbe')).toThrow('Component ClashProbe is already another schema');
  });
});

describe('the generated document', () => {
  const document = porticoOpenApiDocument() as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
  const lookup = (ref: string) => document.components.schemas[ref.slice('#/components/schemas/'.length)];

  it.each(routeTable.map((route) => [route.id, route] as const))('%s: every body schema says exactly what its zod schema says', (_id, route) => {
    const operation = document.paths[route.path]?.[route.method.toLowerCase()];
    const request = requestSchemas[route.id as RouteId].body;
    const variants: readonly ResponseVariant[] = responseSchemas[route.id as RouteId].success;
    const bodies = [
      ...(request ? [{ what: 'request', documented: operation.requestBody.content['application/json'].schema, zod: direct(request, 'input') }] : []),
      ...variants.flatMap((variant) =>
        variant.body
          ? [{ what: `${variant.status}`, documented: operation.responses[String(variant.status)].content[variant.contentType ?? 'application/json'].schema, zod: direct(variant.body, 'output') }]
          : [],
      ),
    ];
    expect(bodies.map((b) => ({ what: b.what, schema: dereferenced(b.documented, lookup) }))).toEqual(bodies.map((b) => ({ what: b.what, schema: b.zod })));
  });
});
