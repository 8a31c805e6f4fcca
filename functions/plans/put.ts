import { routeHandler } from '#shared/api/route-handler.ts';
import { NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { json } from '#shared/http/responses.ts';
import { setAtDeployChanges } from '#shared/quotas/declarations.ts';
import { toPlanView } from '#shared/quotas/plan-views.ts';
import { savePlan } from '#shared/quotas/plans.ts';
import { planBodySchema, planParamSchema } from '#shared/quotas/schemas.ts';

export const handler = routeHandler('plans.put', { body: planBodySchema }, async ({ params, body, caller }) => {
  const plan = planParamSchema.safeParse(params.plan_id);
  if (!plan.success) throw new NotFoundError(`Plan ${params.plan_id.slice(0, 64)} does not exist; plans are ${planParamSchema.options.join(', ')}.`);
  const deployOnly = setAtDeployChanges(plan.data, body.quotas);
  if (deployOnly.length > 0) throw new ValidationError(deployOnly);
  return json(200, toPlanView(await savePlan(plan.data, body.quotas, caller.userId)));
});
