import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { plansView } from '#shared/quotas/plan-views.ts';
import { allPlans } from '#shared/quotas/plans.ts';

export const handler = openRouteHandler('plans.list', {}, async () => json(200, plansView(await allPlans())));
