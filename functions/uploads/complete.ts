import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { completeUploadSchema } from '#shared/uploads/schemas.ts';
import { completeUpload } from '#shared/uploads/uploads.ts';

export const handler = routeHandler('uploads.complete', { body: completeUploadSchema }, async ({ params, body }) =>
  json(200, await completeUpload(params.customer_id, params.upload_id, body.parts)),
);
