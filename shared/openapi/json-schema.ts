import * as z from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Turns zod schemas into JSON Schema (2020-12, what OpenAPI 3.1 uses) with
 * every schema that carries a `.meta({ id })` hoisted into one shared set of
 * components. The same id can differ between what a client sends (`input`:
 * defaults make fields optional) and what it receives (`output`); the request
 * side then gets an `Input` suffix.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The JSON Schema of one zod schema, its named parts replaced by `$ref`s to the components. */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = converted as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map<string, string>();
    for (const [id, definition] of Object.entries($defs ?? {})) names.set(id, this.nameFor(id, definition, io, $defs ?? {}));
    const rewrite = (value: unknown): unknown => rewriteRefs(value, names);
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const name = names.get(id) as string;
      this.schemas[name] ??= rewrite(definition) as JsonSchema;
    }
    return rewrite(root) as JsonSchema;
  }

  /** One schema as a named component, converted once however many operations use it; answers its `$ref`. */
  named(schema: z.ZodType, io: 'input' | 'output', name: string): JsonSchema {
    const key = `${io}:${name}`;
    if (!this.namedSchemas.has(key)) {
      this.namedSchemas.add(key);
      this.schemas[name] = this.convert(schema, io);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private readonly namedSchemas = new Set<string>();

  private nameFor(id: string, definition: JsonSchema, io: 'input' | 'output', defs: Record<string, JsonSchema>): string {
    const identity = new Map(Object.keys(defs).map((key) => [key, key]));
    const candidate = io === 'input' ? [id, `${id}Input`] : [id, `${id}Output`];
    for (const name of candidate) {
      const existing = this.schemas[name];
      if (!existing || sameJson(existing, rewriteRefs(definition, identity))) return name;
    }
    throw new Error(`Schema id ${id} is used by two different schemas`);
  }
}

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')) {
        const id = inner.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${names.get(id) ?? id}`];
      }
      return [key, rewriteRefs(inner, names)];
    }),
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
