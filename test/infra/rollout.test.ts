import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { evaluate } from './helpers/intrinsics.ts';
import { logicalIdOf, porticoSynth } from './helpers/synth.ts';
import type { PorticoFunction } from '#lib/constructs/portico-function.ts';

/**
 * The template version functions are told is the customer template asset's hash:
 * the same bytes give the same version, and any change of the template a new one.
 */
describe('the customer template version', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const variablesOf = (fn: PorticoFunction) =>
    (templateJson.Resources[logicalIdOf(stack, fn.function)]?.Properties?.['Environment'] as { Variables: Record<string, unknown> }).Variables;
  const templateFile = join(synth.app.outdir, stack.provisioning.customerStack.templateFile);
  const assetHash = createHash('sha256').update(readFileSync(templateFile)).digest('hex');

  it.each([
    ['admin.rollout.start', () => stack.functions['admin.rollout.start']],
    ['customers.create', () => stack.functions['customers.create']],
    ['customers.stackStatus', () => stack.stackStatusFunction],
    ['customers.reconcile', () => stack.scheduled.functions['customers.reconcile']],
  ] as const)('is given to %s, equal to the hash of the synthesized customer template', (_id, fnOf) => {
    // Act
    const variables = variablesOf(fnOf() as PorticoFunction);
    const version = evaluate(variables[ENV.customerTemplateVersion]);
    const url = String(evaluate(variables[ENV.customerTemplateUrl]));
    // Assess
    expect(version).toBe(assetHash);
    expect(url.endsWith(`/${assetHash}.json`)).toBe(true);
  });

  it('is not given to functions that never send a template', () => {
    expect(variablesOf(stack.functions['admin.rollout.get'] as PorticoFunction)[ENV.customerTemplateVersion]).toBeUndefined();
    expect(variablesOf(stack.functions['customers.get'] as PorticoFunction)[ENV.customerTemplateVersion]).toBeUndefined();
  });
});
