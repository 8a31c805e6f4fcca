import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { json } from '#shared/http/responses.ts';
import { openRouteHandler } from '#shared/api/open-route-handler.ts';
import { estimateWorkset, loadEstimateRates } from '#shared/worksets/index.ts';
import { requireYamlDocument, WORKSET_BODY_LIMIT_BYTES, yamlBodyAsJson } from '#shared/worksets/http-validation.ts';
import { validationAnswer } from '#shared/worksets/validation-answer.ts';

const rates = loadEstimateRates(process.env);

const chain = openRouteHandler(
  'worksets.validateYaml',
  { body: requireYamlDocument, maxBodyBytes: WORKSET_BODY_LIMIT_BYTES },
  async ({ body: document }) => json(200, validationAnswer(document, (config) => estimateWorkset(config, rates))),
);

/** YAML bodies (Content-Type: application/yaml) become `{ yaml_content }` before the JSON chain. */
export const handler = (event: APIGatewayProxyEvent, context: Context) => chain(yamlBodyAsJson(event), context);
