/**
 * Writes the published workset JSON Schema (`workset.schema.json`) from
 * `worksetJsonSchema`, which zod generates. Run it after changing the workset
 * schema: `npx tsx shared/worksets/write-json-schema.ts`;
 * test/unit/worksets/published-schema.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { worksetJsonSchema } from './json-schema.ts';

/** The file's exact text: stable key order, two-space indent, final newline. */
export function renderWorksetJsonSchema(): string {
  return `${JSON.stringify(worksetJsonSchema, null, 2)}\n`;
}

export const PUBLISHED_SCHEMA_FILE = fileURLToPath(new URL('./workset.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PUBLISHED_SCHEMA_FILE, renderWorksetJsonSchema());
  console.log(`wrote ${PUBLISHED_SCHEMA_FILE}`);
}
