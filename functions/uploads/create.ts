import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { createUploadSchema } from '#shared/uploads/schemas.ts';
import { createUpload } from '#shared/uploads/uploads.ts';

export const handler = routeHandler('uploads.create', { body: createUploadSchema }, async (request) =>
  json(201, await createUpload(request.customer, request.body, request)),
);
