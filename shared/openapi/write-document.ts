/**
 * `npm run openapi`: writes the API document (`shared/openapi/openapi.json`,
 * served by `GET /openapi.json`) and the typed client's types
 * (`client/schema.ts`) from the route table and its schemas.
 * test/unit/openapi/document.test.ts fails while either file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_TYPES_FILE, renderClientTypes } from './client-types.ts';
import { porticoOpenApiDocument } from './sources.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('./openapi.json', import.meta.url));

/** The document's exact text: two-space indent, final newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(porticoOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const document = renderOpenApiDocument();
  writeFileSync(OPENAPI_FILE, document);
  writeFileSync(CLIENT_TYPES_FILE, await renderClientTypes(document));
  console.log(`wrote ${OPENAPI_FILE}\nwrote ${CLIENT_TYPES_FILE}`);
}
