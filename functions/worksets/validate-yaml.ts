import { json } from '#shared/http/responses.ts';
import { routeHandler } from '#shared/api/route-handler.ts';
import { estimateWorkset, loadEstimateRates } from '#shared/worksets/index.ts';
import { requireWorksetYaml, WORKSET_BODY_LIMIT_BYTES } from '#shared/worksets/http-validation.ts';

const rates = loadEstimateRates(process.env);

export const handler = routeHandler(
  'worksets.validateYaml',
  { body: requireWorksetYaml, maxBodyBytes: WORKSET_BODY_LIMIT_BYTES },
  async ({ body: config }) => json(200, { valid: true, config, estimate: estimateWorkset(config, rates) }),
);
