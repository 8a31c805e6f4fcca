import { routeHandler } from '#shared/api/route-handler.ts';
import { json } from '#shared/http/responses.ts';
import { submitWorkset } from '#shared/workset-lifecycle/submission.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';
import { requireWorksetConfig, WORKSET_BODY_LIMIT_BYTES } from '#shared/worksets/http-validation.ts';

export const handler = routeHandler('worksets.submit', { body: requireWorksetConfig, maxBodyBytes: WORKSET_BODY_LIMIT_BYTES }, async (request) => {
  const { workset, replayed } = await submitWorkset({
    customer: request.customer,
    config: request.body,
    rawBody: request.rawBody,
    caller: request.caller,
    idempotencyHeader: request.header('idempotency-key'),
  });
  return json(replayed ? 200 : 201, toWorksetView(workset), {
    Location: `/customers/${workset.customer_id}/worksets/${workset.workset_id}`,
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
});
