import { json } from '#shared/http/responses.ts';
import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { estimateWorkset, loadEstimateRates, previewRunFile, writeWorksetYaml } from '#shared/worksets/index.ts';
import { refuseForeignCustomerBuckets } from '#shared/workset-lifecycle/foreign-buckets.ts';
import { requireWorksetConfig, WORKSET_BODY_LIMIT_BYTES } from '#shared/worksets/http-validation.ts';

const rates = loadEstimateRates(process.env);

export const handler = openRouteHandler(
  'worksets.generateYaml',
  { body: requireWorksetConfig, maxBodyBytes: WORKSET_BODY_LIMIT_BYTES },
  async ({ body: config, caller }) => {
    await refuseForeignCustomerBuckets(config, caller);
    return json(200, {
      yaml_content: writeWorksetYaml(config),
      config,
      estimate: estimateWorkset(config, rates),
      run_file: previewRunFile(config),
    });
  },
);
