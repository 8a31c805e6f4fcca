import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { PUBLISHED_SCHEMA_VERSION, publishedWorksetSchema } from '#shared/worksets/published-schema.ts';

/** Published so other tools can validate daylily_work.yaml files. */
export const handler = openRouteHandler('schemas.workset', {}, async () =>
  json(200, publishedWorksetSchema, {
    'Content-Type': 'application/schema+json',
    'Cache-Control': 'public, max-age=3600',
    'X-Schema-Version': PUBLISHED_SCHEMA_VERSION,
  }),
);
