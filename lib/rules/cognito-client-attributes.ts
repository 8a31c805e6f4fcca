/**
 * A tenant's `custom:customer_id` decides what its users may reach, so no app client
 * may let a signed-in user write a custom attribute: only administrators set them,
 * through the admin API. Pure functions over CloudFormation data, used by the stack
 * at synth (a construct validation) and by the tests.
 */

/** A client's problem with custom attributes, or none. */
export function customWriteAttributeProblem(writeAttributes: unknown): string | undefined {
  if (writeAttributes === undefined || writeAttributes === null) {
    return 'has no explicit WriteAttributes (Cognito would let users write every writable attribute)';
  }
  if (!Array.isArray(writeAttributes)) return 'has WriteAttributes that cannot be checked at synth time';
  const custom = writeAttributes.filter((a) => typeof a !== 'string' || a.startsWith('custom:'));
  if (custom.length > 0) return `lets users write ${custom.map((a) => String(a)).join(', ')}`;
  return undefined;
}

interface TemplateLike {
  readonly Resources?: Readonly<Record<string, { readonly Type?: string; readonly Properties?: Readonly<Record<string, unknown>> }>>;
}

/** Every app client of a synthesized template that breaks the rule, as `<logicalId> <problem>`. */
export function clientsWritingCustomAttributes(template: TemplateLike): string[] {
  const problems: string[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Cognito::UserPoolClient') continue;
    const problem = customWriteAttributeProblem(resource.Properties?.['WriteAttributes']);
    if (problem) problems.push(`${logicalId} ${problem}`);
  }
  return problems;
}
