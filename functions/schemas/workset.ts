import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { WORKSET_SCHEMA_VERSION, worksetJsonSchema } from '#shared/worksets/index.ts';

/** Published so other tools can validate daylily_work.yaml files. */
export const handler = routeHandler('schemas.workset', {}, async () =>
  json(200, worksetJsonSchema, {
    'Content-Type': 'application/schema+json',
    'Cache-Control': 'public, max-age=3600',
    'X-Schema-Version': WORKSET_SCHEMA_VERSION,
  }),
);
