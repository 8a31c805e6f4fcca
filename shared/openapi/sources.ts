import { routeTable } from '../routes/index.ts';
import { requestExamples } from '../routes/request-examples.ts';
import { requestSchemas } from '../routes/request-schemas.ts';
import { responseSchemas } from '../routes/response-schemas.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './document.ts';
import { requestHeaders } from './request-headers.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** The API document of this checkout: the route table with every route's schemas, examples and headers. */
export function porticoOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument({ version: packageJson.version, routes: routeTable, requestSchemas, responseSchemas, requestExamples, requestHeaders });
}
