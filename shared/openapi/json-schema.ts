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
    const { $schema: _dialect, $defs = {}, ...root } = converted as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map<string, string>();
    const naming = new Set<string>();
    // Children first: a component is the same as a stored one only if the components it refers to are too.
    const nameOf = (id: string): string => {
      const known = names.get(id);
      if (known) return known;
      const definition = $defs[id];
      if (!definition || naming.has(id)) return id;
      naming.add(id);
      for (const child of refsIn(definition)) nameOf(child);
      const rewritten = rewriteRefs(definition, names) as JsonSchema;
      const name = this.place(id, rewritten, io);
      names.set(id, name);
      return name;
    };
    for (const id of Object.keys($defs)) nameOf(id);
    return rewriteRefs(root, names) as JsonSchema;
  }

  /** One schema as a named component, converted once however many operations use it; answers its `$ref`. */
  named(schema: z.ZodType, io: 'input' | 'output', name: string): JsonSchema {
    const converted = this.convert(schema, io);
    const existing = this.schemas[name];
    if (existing && !sameJson(existing, converted)) throw new Error(`Component ${name} is already another schema`);
    this.schemas[name] = converted;
    return { $ref: `#/components/schemas/${name}` };
  }

  /** Stores a definition under its id, or `<id>Input`/`<id>Output` when the id holds another side's version. */
  private place(id: string, definition: JsonSchema, io: 'input' | 'output'): string {
    for (const name of [id, io === 'input' ? `${id}Input` : `${id}Output`]) {
      const existing = this.schemas[name];
      if (!existing) {
        this.schemas[name] = definition;
        return name;
      }
      if (sameJson(existing, definition)) return name;
    }
    throw new Error(`Schema id ${id} is used by two different schemas`);
  }
}

/** The `$defs` ids a definition refers to. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/') ? [inner.slice('#/$defs/'.length)] : refsIn(inner),
  );
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
