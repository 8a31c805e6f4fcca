import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = fileURLToPath(new URL('../../client/schema.ts', import.meta.url));

/** The typed client's types, generated from the document's text by openapi-typescript. */
export async function renderClientTypes(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText) as Parameters<typeof openapiTS>[0], { exportType: true });
  return `/** Generated from shared/openapi/openapi.json by \`npm run openapi\`: do not edit. */\n${astToString(ast)}`;
}
