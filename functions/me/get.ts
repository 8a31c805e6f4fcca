import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { profileOf } from '#shared/identity/profile.ts';

export const handler = routeHandler('me.get', {}, async ({ caller }) => json(200, await profileOf(caller)));
