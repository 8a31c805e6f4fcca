import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { abortUpload } from '#shared/uploads/uploads.ts';

export const handler = routeHandler('uploads.abort', {}, async ({ params }) =>
  json(200, await abortUpload(params.customer_id, params.upload_id)),
);
