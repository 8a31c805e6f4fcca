import { MAX_BODY_BYTES } from '../http/body-limit.ts';
import { RETRY_AFTER_SECONDS } from '../http/dependency-failure.ts';
import type { RequestSchemas } from '../routes/request-schemas.ts';
import type { ResponseSpec } from '../routes/response-types.ts';
import type { RouteDefinition } from '../routes/types.ts';

export type ProblemStatus = 400 | 401 | 403 | 404 | 406 | 409 | 410 | 412 | 413 | 415 | 422 | 429 | 502 | 503;

/** Why a route answers each problem status, in words for the API document's reader. */
export type ProblemReasons = Partial<Record<ProblemStatus, string>>;

const ACCESS_403: Record<RouteDefinition['access']['kind'], string | undefined> = {
  public: undefined,
  authenticated: undefined,
  'platform-admin': 'The caller is not a platform admin.',
  service: 'The caller is neither a platform service account nor a platform admin.',
  customer:
    'The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not).',
};

/**
 * The problems a route answers because of what it is, whatever its code does:
 * its access rule (401, 403), its path parameters (400, 404), its request
 * schemas (400, 413, 415), throttling (429) and its dependencies (503), merged
 * with the route's own (`ResponseSpec.problems`, which win).
 */
export function problemsOf(route: RouteDefinition, request: RequestSchemas, responses: ResponseSpec): ProblemReasons {
  const reasons: ProblemReasons = {};
  const hasPathParameters = route.path.includes('{');
  // Every route: a query string that does not decode as UTF-8 text is refused before anything reads it.
  reasons[400] =
    request.body || request.query || hasPathParameters
      ? 'The request is invalid: `errors` lists each field and why (path parameters, query string, body).'
      : 'The query string does not decode as UTF-8 text.';
  if (route.access.kind !== 'public') reasons[401] = 'No bearer token, or one that is expired, forged or for another user pool.';
  const forbidden = ACCESS_403[route.access.kind];
  if (forbidden) reasons[403] = route.access.kind === 'customer' && route.access.write ? `${forbidden} Also while the customer is not active.` : forbidden;
  if (hasPathParameters) reasons[404] = 'Nothing exists under this path parameter (a customer id outside its shape names no customer).';
  if (request.body) {
    reasons[413] = `The request body is over ${MAX_BODY_BYTES} bytes.`;
    reasons[415] = 'The request body is not JSON.';
  }
  reasons[429] = route.access.kind === 'customer' ? "Too many requests: the stage's or the customer's plan throttle." : "Too many requests: the stage's throttle.";
  if (dependsOnAws(route)) {
    reasons[503] = `A dependency (DynamoDB, Cognito, S3, CloudFormation) failed or timed out; nothing was half-written. Retry after \`Retry-After\` seconds (${RETRY_AFTER_SECONDS} unless stated).`;
  }
  const merged: ProblemReasons = { ...reasons };
  for (const [status, reason] of Object.entries(responses.problems ?? {})) {
    if (reason === null) delete merged[Number(status) as ProblemStatus];
    else merged[Number(status) as ProblemStatus] = reason;
  }
  return merged;
}

function dependsOnAws(route: RouteDefinition): boolean {
  return route.access.kind !== 'public' || Object.keys(route.tables).length > 0 || (route.actions ?? []).length > 0;
}
