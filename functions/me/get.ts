import { json } from '#shared/http/responses.ts';
import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { profileOf } from '#shared/identity/profile.ts';

export const handler = openRouteHandler('me.get', {}, async ({ caller }) => json(200, await profileOf(caller)));
