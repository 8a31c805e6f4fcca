import type { PorticoFunction } from '#lib/constructs/portico-function.ts';
import { type CfnTemplate, type PorticoSynth, logicalIdOf, resourcesOfType } from './synth.ts';

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
export const resourcesOf = (s: Statement): unknown[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Every statement of every policy attached to a role (inline and AWS::IAM::Policy). */
export function roleStatements(template: CfnTemplate, roleId: string): Statement[] {
  const role = template.Resources[roleId];
  const inline = ((role?.Properties?.['Policies'] ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
  const attached = resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties?.['Roles']).includes(`"${roleId}"`))
    .flatMap(([, policy]) => (policy.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement);
  return [...inline, ...attached];
}

export function functionStatements(synth: PorticoSynth, fn: PorticoFunction): Statement[] {
  return roleStatements(synth.templateJson, logicalIdOf(synth.stack, fn.role));
}

export function allStatements(template: CfnTemplate): Statement[] {
  return resourcesOfType(template, 'AWS::IAM::Role').flatMap(([id]) => roleStatements(template, id));
}
