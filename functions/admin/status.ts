import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { platformStatus } from '#shared/platform-status/platform-status.ts';

export const handler = routeHandler('admin.status', {}, async () => json(200, await platformStatus()));
