import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '#shared/config/env-vars.ts';
import { grantsFor, routeTable } from '#shared/routes/index.ts';
import { tables } from '#shared/tables/definitions.ts';
import { ESM_REQUIRE_BANNER, PorticoFunction } from '#lib/constructs/portico-function.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { STACK_STATUS_HANDLER, functionEntry } from '#lib/platform-stack.ts';
import { logicalIdOf, porticoSynth, resourcesOfType } from './helpers/synth.ts';

const COMMON_ENV = [ENV.environment, ENV.bucketPrefix, ENV.corsAllowOrigin, ENV.userPoolId, ENV.userPoolClientId];

describe('Lambda functions', () => {
  const synth = porticoSynth();
  const { stack, templateJson } = synth;
  const functions = resourcesOfType(templateJson, 'AWS::Lambda::Function');

  it('one per route, plus one per event function (authorizers, stack status, usage, scheduled sweeps)', () => {
    expect(functions).toHaveLength(routeTable.length + Object.keys(eventFunctions).length);
  });

  it.each(functions)('%s: nodejs22.x on arm64, traced, explicit memory and timeout, own log group', (_id, fn) => {
    // Prepare
    const properties = fn.Properties ?? {};
    const logGroupId = ((properties['LoggingConfig'] as { LogGroup: { Ref: string } }).LogGroup ?? {}).Ref;
    // Assess
    expect(properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
      MemorySize: expect.any(Number),
      Timeout: expect.any(Number),
    });
    expect(templateJson.Resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
  });

  it.each(functions)('%s: source maps, Powertools settings and the common environment', (_id, fn) => {
    const variables = (fn.Properties?.['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'portico',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      [ENV.environment]: 'dev',
      [ENV.corsAllowOrigin]: '*',
    });
    for (const name of COMMON_ENV) expect(variables[name]).toBeDefined();
  });

  it('execution roles carry no AWS managed policy', () => {
    for (const [, fn] of functions) {
      const roleId = (fn.Properties?.['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(templateJson.Resources[roleId]?.Properties?.['ManagedPolicyArns']).toBeUndefined();
    }
  });

  describe.each(routeTable.map((route) => [route.id, route] as const))('route %s', (id, route) => {
    const fnId = logicalIdOf(stack, stack.functions[id]!.function);
    const properties = templateJson.Resources[fnId]?.Properties ?? {};
    const variables = (properties['Environment'] as { Variables: Record<string, unknown> }).Variables;

    it(`has memory 256 MB and a ${route.timeoutSeconds ?? 10} s timeout`, () => {
      expect(properties['MemorySize']).toBe(256);
      expect(properties['Timeout']).toBe(route.timeoutSeconds ?? 10);
    });

    it('learns the name of exactly the tables it may use (declared plus the access guard\'s)', () => {
      const declared = Object.entries(grantsFor(route).tables)
        .filter(([, actions]) => actions.length > 0)
        .map(([name]) => tables[name as keyof typeof tables].envVar);
      const tableVars = Object.keys(variables).filter((name) => name.endsWith('_TABLE'));
      expect(tableVars.sort()).toEqual(declared.sort());
      for (const name of declared) expect(variables[name]).toMatchObject({ Ref: expect.any(String) });
    });
  });

  it('the stack-status function has its dead-letter queue and the customers and audit tables', () => {
    const fn = templateJson.Resources[logicalIdOf(stack, stack.stackStatusFunction.function)]?.Properties ?? {};
    const dlq = logicalIdOf(stack, stack.provisioning.deadLetterQueue);
    expect(fn['DeadLetterConfig']).toEqual({ TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    expect(Object.keys((fn['Environment'] as { Variables: object }).Variables)).toEqual(
      expect.arrayContaining([tables.customers.envVar, tables.audit.envVar]),
    );
  });
});

describe('PorticoFunction', () => {
  it('merges the caller environment over its defaults and never overwrites it', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'EnvProbe');
    // Act
    new PorticoFunction(stack, 'Fn', {
      entry: functionEntry(STACK_STATUS_HANDLER),
      environment: { POWERTOOLS_SERVICE_NAME: 'billing', NODE_OPTIONS: '--max-old-space-size=200', EXTRA: 'x' },
      memorySize: 1024,
      timeout: Duration.seconds(30),
      logRetentionDays: 90,
    });
    // Assess
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 30,
      Environment: {
        Variables: { POWERTOOLS_SERVICE_NAME: 'billing', POWERTOOLS_LOG_LEVEL: 'INFO', NODE_OPTIONS: '--max-old-space-size=200', EXTRA: 'x' },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('bundles an ESM, minified module with source maps, the AWS SDK inside and a require shim', () => {
    // Prepare: a real esbuild bundle of one entry (the only test that bundles).
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'BundleProbe');
    new PorticoFunction(stack, 'Fn', { entry: functionEntry(STACK_STATUS_HANDLER) });
    // Act
    const assembly = app.synth();
    // Assess
    const assetDir = readdirSync(assembly.directory).find((name) => name.startsWith('asset.'));
    expect(assetDir).toBeDefined();
    const dir = join(assembly.directory, assetDir!);
    expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//); // bundled, not imported from the runtime
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000); // minified: very long lines
  }, 60_000);
});
