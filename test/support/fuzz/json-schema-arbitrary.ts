import fc from 'fast-check';
import * as z from 'zod';

/** A JSON Schema as `z.toJSONSchema` writes it (draft 2020-12). */
export type JsonSchema = { readonly [keyword: string]: any };

/** The JSON Schema of what clients send to a zod schema: its input side. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

export interface DeriveOptions {
  /**
   * Arbitraries for fields whose valid values the schema cannot describe (a
   * refinement, a cross-field rule), by path: `quotas.burst`, `samples[].fastq_r1`.
   */
  readonly hints?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Longest generated text and array, so valid requests stay small. @default 24 / 3 */
  readonly maxLength?: number;
  readonly maxItems?: number;
}

/**
 * Values a JSON Schema describes: objects with their required properties and
 * some optional ones, strings of their pattern, enum or format and length,
 * numbers within their bounds, arrays of their items. Refinements JSON Schema
 * cannot express are not known here: filter with the zod schema for values
 * the route must accept.
 */
export function arbitraryOf(schema: JsonSchema, options: DeriveOptions = {}, path = '', root: JsonSchema = schema): fc.Arbitrary<unknown> {
  const hint = options.hints?.[path];
  if (hint) return hint;
  if (schema.$ref) return arbitraryOf(resolveRef(root, schema.$ref as string), options, path, root);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[keyword])) return fc.oneof(...(schema[keyword] as JsonSchema[]).map((s) => arbitraryOf(s, options, path, root)));
  }
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => arbitraryOf({ ...schema, type }, options, path, root)));
  switch (schema.type) {
    case 'object':
      return objectOf(schema, options, path, root);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, options, `${path}[]`, root), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? Infinity, (schema.minItems ?? 0) + (options.maxItems ?? 3)),
      });
    case 'string':
      return stringOf(schema, options);
    case 'integer':
      return fc.integer({
        min: Math.max(Number.MIN_SAFE_INTEGER, schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : -1e6)),
        max: Math.min(Number.MAX_SAFE_INTEGER, schema.maximum ?? (schema.exclusiveMaximum !== undefined ? Math.ceil(schema.exclusiveMaximum) - 1 : 1e6)),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // No type: any JSON value.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, options: DeriveOptions, path: string, root: JsonSchema): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, arbitraryOf(s, options, path ? `${path}.${name}` : name, root)])),
    { requiredKeys: (schema.required ?? []) as string[] },
  );
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return record;
  const names = schema.propertyNames?.pattern ? safeStringMatching(schema.propertyNames.pattern as string, 24) : fc.string({ minLength: 1, maxLength: 12 });
  const more = fc.dictionary(names, arbitraryOf(extra as JsonSchema, options, `${path}{}`, root), { maxKeys: 2 });
  return fc.tuple(record, more).map(([known, added]) => ({ ...added, ...known }));
}

function stringOf(schema: JsonSchema, options: DeriveOptions): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = Math.max(minLength, Math.min(schema.maxLength ?? Infinity, options.maxLength ?? 24));
  const within = (s: string) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern) return safeStringMatching(schema.pattern as string, schema.maxLength ?? Infinity).filter(within);
  if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['https'] }).filter(within);
  if (schema.format === 'email') return fc.emailAddress().filter(within);
  return fc.string({ minLength, maxLength });
}

/** Strings of a pattern; any string when fast-check cannot generate from it (lookarounds). */
function safeStringMatching(pattern: string, maxLength: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= maxLength);
  } catch {
    return fc.string({ maxLength: Math.min(maxLength, 24) }).filter((s) => new RegExp(pattern).test(s));
  }
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`cannot resolve ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<JsonSchema>((node, part) => node[part.replaceAll('~1', '/').replaceAll('~0', '~')] as JsonSchema, root);
}

/**
 * Takes out of `value` the fields a zod schema refuses, one round of issues at
 * a time: what a generated value loses to refinements JSON Schema cannot
 * state (a quota set per plan only, `samples` or `sample_sheet`), so that
 * filtering with the schema keeps most values. A required field that goes
 * leaves a value the filter drops.
 */
export function withoutRefusedFields(value: unknown, accepts: (value: unknown) => z.core.$ZodIssue[] | undefined, rounds = 4): unknown {
  const current = structuredClone(value);
  for (let round = 0; round < rounds; round++) {
    const issues = accepts(current);
    if (!issues || issues.length === 0) return current;
    let removed = false;
    for (const issue of issues) removed = removeAt(current, issue.path) || removed;
    if (!removed) return current;
  }
  return current;
}

function removeAt(value: unknown, path: readonly PropertyKey[]): boolean {
  // An issue on the object itself ("must set limit, mode or both") goes with the object.
  for (let depth = path.length; depth > 0; depth--) {
    const parent = path.slice(0, depth - 1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], value);
    const key = path[depth - 1] as PropertyKey;
    if (parent && typeof parent === 'object' && !Array.isArray(parent) && Object.hasOwn(parent, key)) {
      delete (parent as Record<PropertyKey, unknown>)[key];
      return true;
    }
  }
  return false;
}
