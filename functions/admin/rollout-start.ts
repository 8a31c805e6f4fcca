import { routeHandler } from '#shared/api/route-handler.ts';
import { startRollout } from '#shared/customers/rollout.ts';
import { startRolloutSchema } from '#shared/customers/rollout-schemas.ts';
import { json } from '#shared/http/responses.ts';

export const handler = routeHandler('admin.rollout.start', { body: startRolloutSchema }, async (request) =>
  json(202, await startRollout({ ...(request.body.batch_size !== undefined ? { batchSize: request.body.batch_size } : {}) }, request)),
);
