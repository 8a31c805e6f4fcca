import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSET_SCHEMA_VERSION, worksetJsonSchema } from '#shared/worksets/index.ts';
import { PUBLISHED_SCHEMA_VERSION, publishedWorksetSchema } from '#shared/worksets/published-schema.ts';
import { PUBLISHED_SCHEMA_FILE, renderWorksetJsonSchema } from '#shared/worksets/write-json-schema.ts';

describe('the published workset JSON Schema (workset.schema.json)', () => {
  it('is exactly what the zod schema generates (run `npx tsx shared/worksets/write-json-schema.ts` when this fails)', () => {
    expect(readFileSync(PUBLISHED_SCHEMA_FILE, 'utf8')).toBe(renderWorksetJsonSchema());
    expect(publishedWorksetSchema).toEqual(worksetJsonSchema);
  });

  it('serializes like the generated schema, key order included, and names the schema version', () => {
    expect(JSON.stringify(publishedWorksetSchema)).toBe(JSON.stringify(worksetJsonSchema));
    expect(PUBLISHED_SCHEMA_VERSION).toBe(WORKSET_SCHEMA_VERSION);
  });
});
