import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { json } from '#shared/http/responses.ts';
import document from '#shared/openapi/openapi.json' with { type: 'json' };

/** The prebuilt document `npm run openapi` writes: nothing is generated at cold start. */
export const handler = openRouteHandler('openapi.document', {}, async () =>
  json(200, document, { 'Cache-Control': 'public, max-age=300' }),
);
