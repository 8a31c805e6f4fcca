/** How API Gateway judges a request against a Lambda authorizer's policy. */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny' | 'invalid';

const INVOKE = 'execute-api:Invoke';

interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
}

/**
 * IAM evaluation of the policy for one method ARN: a matching Deny wins, then a
 * matching Allow allows, and anything else is an implicit deny. Actions compare
 * without case, resources with it; `*` and `?` are wildcards in both.
 */
export function evaluatePolicy(policy: unknown, methodArn: string): PolicyDecision {
  const statements = statementsOf(policy);
  if (!statements) return 'invalid';
  const applies = (s: Statement) =>
    listOf(s.Action).some((pattern) => wildcard(pattern, 'i').test(INVOKE)) && listOf(s.Resource).some((pattern) => wildcard(pattern).test(methodArn));
  const matching = statements.filter(applies);
  if (matching.some((s) => s.Effect === 'Deny')) return 'explicit-deny';
  return matching.some((s) => s.Effect === 'Allow') ? 'allow' : 'implicit-deny';
}

function statementsOf(policy: unknown): Statement[] | undefined {
  if (typeof policy !== 'object' || policy === null) return undefined;
  const raw = (policy as { Statement?: unknown }).Statement;
  const statements: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0) return undefined;
  return statements.every(isStatement) ? statements : undefined;
}

function isStatement(value: unknown): value is Statement {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
  return (s['Effect'] === 'Allow' || s['Effect'] === 'Deny') && strings(s['Action']) && strings(s['Resource']);
}

const listOf = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);

function wildcard(pattern: string, flags = ''): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, flags);
}
