import type { GatewayRefusal } from './gateway-answer.ts';
import { evaluatePolicy } from './execute-api-policy.ts';

export type AuthorizerOutcome =
  /**
   * The request goes on, with what handlers read as `requestContext.authorizer`, and the
   * API key the authorizer named (`usageIdentifierKey`), if it named one.
   */
  | { readonly allowed: true; readonly authorizer: Readonly<Record<string, string>>; readonly usageIdentifierKey?: string }
  | { readonly allowed: false; readonly refusal: GatewayRefusal };

const refused = (type: GatewayRefusal['type'], detail?: string): AuthorizerOutcome => ({
  allowed: false,
  refusal: detail === undefined ? { type } : { type, detail },
});

/**
 * What API Gateway makes of the value a Lambda authorizer returned, for the
 * request's method ARN. A result that is not `{ principalId, policyDocument,
 * context?, usageIdentifierKey? }` with a flat context of strings, numbers and
 * booleans and a string key is an authorizer configuration error (500). A
 * policy that does not allow the method is ACCESS_DENIED, whose detail is the
 * context's `reason`, as
 * `$context.authorizer.reason` fills it in AWS (see lib/constructs/gateway-responses.ts).
 */
export function authorizerOutcome(result: unknown, methodArn: string): AuthorizerOutcome {
  if (typeof result !== 'object' || result === null) return refused('AUTHORIZER_CONFIGURATION_ERROR');
  const { principalId, policyDocument, context, usageIdentifierKey } = result as Record<string, unknown>;
  const values = flatContext(context);
  if (typeof principalId !== 'string' || principalId === '' || !values) return refused('AUTHORIZER_CONFIGURATION_ERROR');
  if (usageIdentifierKey !== undefined && typeof usageIdentifierKey !== 'string') return refused('AUTHORIZER_CONFIGURATION_ERROR');
  const decision = evaluatePolicy(policyDocument, methodArn);
  if (decision === 'invalid') return refused('AUTHORIZER_CONFIGURATION_ERROR');
  if (decision === 'allow') {
    return { allowed: true, authorizer: { ...values, principalId }, ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }) };
  }
  const reason = values['reason'];
  return refused('ACCESS_DENIED', reason === undefined || reason === '' ? undefined : reason);
}

/**
 * What API Gateway makes of a Lambda authorizer that failed: exactly `Unauthorized`
 * is how it refuses a token (401); anything else is the authorizer failing (500).
 */
export function authorizerErrorOutcome(error: unknown): AuthorizerOutcome {
  return error instanceof Error && error.message === 'Unauthorized' ? refused('UNAUTHORIZED') : refused('AUTHORIZER_FAILURE');
}

/** The context as handlers receive it: every value stringified. Undefined when a value is not a primitive. */
function flatContext(context: unknown): Record<string, string> | undefined {
  if (context === undefined || context === null) return {};
  if (typeof context !== 'object' || Array.isArray(context)) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    values[key] = String(value);
  }
  return values;
}
