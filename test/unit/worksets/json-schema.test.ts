import { describe, expect, it } from 'vitest';
import { WORKSET_SCHEMA_ID, worksetJsonSchema } from '#shared/worksets/index.ts';
import { daylilyExampleRequest, pairedSample, requestWith } from './fixtures.ts';

type Schema = Record<string, unknown>;

/**
 * Just the JSON Schema keywords the workset schema uses; returns the paths
 * that fail. Throws on any other keyword so the test notices new ones.
 */
function violations(schema: Schema, value: unknown, path: readonly (string | number)[] = []): string[] {
  const known = new Set([
    '$schema', '$id', 'title', 'description', 'examples', 'default', 'type', 'properties', 'required',
    'additionalProperties', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'minLength', 'maxLength',
    'pattern', 'const',
  ]);
  for (const keyword of Object.keys(schema)) if (!known.has(keyword)) throw new Error(`unhandled keyword ${keyword}`);
  const at = path.join('.') || '(root)';
  const type = schema.type;
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [at];
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const problems = ((schema.required ?? []) as string[]).filter((k) => !(k in record)).map((k) => [...path, k].join('.'));
    for (const [key, child] of Object.entries(record)) {
      const childSchema = properties[key];
      if (childSchema) problems.push(...violations(childSchema, child, [...path, key]));
      else if (schema.additionalProperties === false) problems.push([...path, key].join('.'));
    }
    return problems;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return [at];
    if (value.length < ((schema.minItems as number) ?? 0) || value.length > ((schema.maxItems as number) ?? Infinity)) return [at];
    return value.flatMap((item, i) => violations(schema.items as Schema, item, [...path, i]));
  }
  if (type === 'string') {
    if (typeof value !== 'string') return [at];
    if (value.length < ((schema.minLength as number) ?? 0) || value.length > ((schema.maxLength as number) ?? Infinity)) return [at];
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return [at];
  }
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value))) return [at];
    if (value < ((schema.minimum as number) ?? -Infinity) || value > ((schema.maximum as number) ?? Infinity)) return [at];
  }
  if ('const' in schema && value !== schema.const) return [at];
  return [];
}

describe('worksetJsonSchema', () => {
  it('is a draft 2020-12 schema with an id, title and description', () => {
    expect(worksetJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(worksetJsonSchema.$id).toBe('urn:portico:schemas:workset:1.0');
    expect(WORKSET_SCHEMA_ID).toBe(worksetJsonSchema.$id);
    expect(worksetJsonSchema.title).toBe('Portico workset (daylily_work.yaml), schema 1.0');
    expect(typeof worksetJsonSchema.description).toBe('string');
  });

  it('describes a closed object with the workset fields', () => {
    const schema = worksetJsonSchema as Schema & { properties: Record<string, Schema> };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['samples', 'reference_genome', 'pipeline']);
    expect(Object.keys(schema.properties)).toEqual([
      'samples',
      'reference_genome',
      'pipeline',
      'priority',
      'max_retries',
      'estimated_coverage',
      'workset_name',
      'notes',
      'export_uri',
      'schema_version',
    ]);
    const samples = schema.properties.samples as Schema & { items: Schema & { properties: Schema } };
    expect([samples.type, samples.minItems, samples.maxItems]).toEqual(['array', 1, 1000]);
    expect(samples.items.additionalProperties).toBe(false);
    expect(samples.items.required).toEqual(['sample_id', 'fastq_r1', 'coverage']);
    expect(samples.items.properties.sample_id).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' });
    expect(samples.items.properties.coverage).toMatchObject({ type: 'number', minimum: 1, maximum: 1000 });
    expect(schema.properties.max_retries).toMatchObject({ type: 'integer', minimum: 0, maximum: 10, default: 3 });
    expect(schema.properties.priority).toMatchObject({ type: 'string', default: 'normal', examples: ['urgent', 'normal', 'low'] });
    expect(schema.properties.schema_version).toMatchObject({ const: '1.0', default: '1.0' });
  });

  it('accepts the Daylily example and a full request', () => {
    expect(violations(worksetJsonSchema, daylilyExampleRequest)).toEqual([]);
    const full = requestWith({ workset_name: 'Batch 7', notes: 'n', export_uri: 's3://acme/out/', schema_version: '1.0' });
    expect(violations(worksetJsonSchema, full)).toEqual([]);
  });

  it('refuses unknown fields, missing fields, bad patterns and ranges', () => {
    expect(violations(worksetJsonSchema, { ...daylilyExampleRequest, extra: 1 })).toEqual(['extra']);
    expect(violations(worksetJsonSchema, { samples: [] })).toEqual(['reference_genome', 'pipeline', 'samples']);
    const bad = requestWith({ samples: [{ ...pairedSample('-x', 0), fastq_r1: 'a.bam', lane: 2 }], max_retries: 1.5 });
    expect(violations(worksetJsonSchema, bad)).toEqual([
      'samples.0.sample_id',
      'samples.0.fastq_r1',
      'samples.0.coverage',
      'samples.0.lane',
      'max_retries',
    ]);
  });

  it('is frozen, so a handler cannot change what others serve', () => {
    expect(Object.isFrozen(worksetJsonSchema)).toBe(true);
    expect(Object.isFrozen((worksetJsonSchema as { properties: object }).properties)).toBe(true);
  });
});
