import schema from './workset.schema.json' with { type: 'json' };

/**
 * The workset JSON Schema as published by `GET /schemas/workset`: the prebuilt
 * `workset.schema.json` (written by `write-json-schema.ts` from the zod
 * schema, checked equal by a test), so serving it loads neither zod nor YAML.
 */
export const publishedWorksetSchema: Readonly<Record<string, unknown>> = schema;

/** `1.0` of `urn:portico:schemas:workset:1.0`. */
export const PUBLISHED_SCHEMA_VERSION = schema.$id.slice(schema.$id.lastIndexOf(':') + 1);
