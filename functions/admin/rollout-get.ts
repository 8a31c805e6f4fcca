import { routeHandler } from '#shared/api/route-handler.ts';
import { rolloutProgress } from '#shared/customers/rollout.ts';
import { json } from '#shared/http/responses.ts';

export const handler = routeHandler('admin.rollout.get', {}, async () => json(200, await rolloutProgress()));
