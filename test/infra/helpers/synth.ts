import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { type BuildAppOptions, buildApp } from '#lib/app.ts';
import type { PorticoConfig } from '#lib/config.ts';
import type { PlatformStack } from '#lib/platform-stack.ts';

/** A CloudFormation template as plain data. */
export interface CfnTemplate {
  readonly Parameters?: Record<string, Record<string, unknown>>;
  readonly Resources: Record<string, CfnResourceJson>;
  readonly Outputs?: Record<string, Record<string, unknown>>;
}
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: unknown;
}

/** One unacknowledged cdk-nag finding. */
export interface NagFinding {
  readonly pack: string;
  /** `AwsSolutions-IAM5[Resource::*]`, `Serverless-LambdaDLQ`, ... */
  readonly ruleId: string;
  readonly severity: string;
  readonly description: string;
  readonly constructPath: string;
}

/** A finding that an acknowledgement silenced. */
export interface AcknowledgedFinding {
  readonly ruleId: string;
  readonly constructPath: string;
}

/** One `Validations.of(x).acknowledge({ id, reason })` call, as recorded on the construct. */
export interface Acknowledgement {
  /** The rule id as acknowledged (namespace prefix such as `Annotation::` removed). */
  readonly id: string;
  readonly reason: string;
  readonly constructPath: string;
}

export interface PorticoSynth {
  readonly app: App;
  readonly stack: PlatformStack;
  readonly config: PorticoConfig;
  /** The platform stack template. */
  readonly template: Template;
  readonly templateJson: CfnTemplate;
  /** The per-customer template (the ProductStack asset). */
  readonly customerTemplate: Template;
  readonly customerTemplateJson: CfnTemplate;
  readonly nag: {
    /** What AwsSolutions and Serverless report after acknowledgements: must be empty. */
    readonly findings: readonly NagFinding[];
    /** Findings an acknowledgement silenced, to prove acknowledgements are used. */
    readonly acknowledged: readonly AcknowledgedFinding[];
    /** Every acknowledgement in the construct tree (cdk-nag and CDK warnings). */
    readonly acknowledgements: readonly Acknowledgement[];
  };
  /** The synthesis validation report CDK wrote (`validation-report.json`). */
  readonly validationReport: unknown;
}

const ROOT = new URL('../../../', import.meta.url);

/** The context of `cdk.json` (feature flags and Portico keys): tests synthesize what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('cdk.json', ROOT), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/**
 * Test context: cdk.json, no esbuild bundling (NodejsFunction skips it for stacks not
 * listed), and validation failures reported instead of thrown (the tests assert on them).
 */
export function testContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...cdkJsonContext(),
    'aws:cdk:bundling-stacks': [],
    '@aws-cdk/core:failSynthOnValidationErrors': false,
    ...extra,
  };
}

function runPack(pack: NagPack, name: string, app: App): { findings: NagFinding[]; acknowledged: AcknowledgedFinding[] } {
  const acknowledged: AcknowledgedFinding[] = [];
  // Record which acknowledgements actually silence something (NagPack.isAcknowledged is private).
  const spy = pack as unknown as { isAcknowledged: (node: { node: { path: string } }, ruleId: string) => boolean };
  const original = spy.isAcknowledged.bind(pack);
  spy.isAcknowledged = (node, ruleId) => {
    const hit = original(node, ruleId);
    if (hit) acknowledged.push({ ruleId, constructPath: node.node.path });
    return hit;
  };
  const report = pack.validateScope(app);
  const findings = report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      pack: name,
      ruleId: violation.ruleName,
      severity: violation.severity ?? 'error',
      description: violation.description,
      constructPath: resource.constructPath ?? '?',
    })),
  );
  return { findings, acknowledged };
}

function collectAcknowledgements(app: App): Acknowledgement[] {
  const acknowledgements: Acknowledgement[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [qualifiedId, reason] of Object.entries(entry.data as Record<string, string>)) {
        acknowledgements.push({ id: qualifiedId.replace(/^[A-Za-z]+::/, ''), reason, constructPath: construct.node.path });
      }
    }
  }
  return acknowledgements;
}

/**
 * Builds the app exactly as `bin/portico.ts` does, minus esbuild bundling and (unless
 * asked for) CDK's built-in CloudFormation schema validation, which costs ~5 s per
 * synthesis; synthesizes it once and collects everything tests need.
 */
export function synthPortico(extraContext: Record<string, unknown> = {}, options: Omit<BuildAppOptions, 'outdir'> = {}): PorticoSynth {
  const outdir = mkdtempSync(join(tmpdir(), 'portico-cdk-'));
  const { app, platformStack, config } = buildApp(testContext(extraContext), {
    cloudFormationValidation: false,
    ...options,
    outdir,
  });
  const assembly = app.synth();

  const templateJson = assembly.getStackByName(platformStack.stackName).template as CfnTemplate;
  const customerTemplateJson = JSON.parse(
    readFileSync(join(assembly.directory, platformStack.provisioning.customerStack.templateFile), 'utf8'),
  ) as CfnTemplate;

  const solutions = runPack(new AwsSolutionsChecks(), 'AwsSolutions', app);
  const serverless = runPack(new ServerlessChecks(), 'Serverless', app);
  let validationReport: unknown;
  try {
    validationReport = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
  } catch {
    validationReport = undefined; // written only when a plugin reports something
  }

  return {
    app,
    stack: platformStack,
    config,
    template: Template.fromJSON(templateJson),
    templateJson,
    customerTemplate: Template.fromJSON(customerTemplateJson),
    customerTemplateJson,
    nag: {
      findings: [...solutions.findings, ...serverless.findings],
      acknowledged: [...solutions.acknowledged, ...serverless.acknowledged],
      acknowledgements: collectAcknowledgements(app),
    },
    validationReport,
  };
}

let defaultSynth: PorticoSynth | undefined;

/** The default deployment (cdk.json context), synthesized once per test file (vitest isolates files). */
export function porticoSynth(): PorticoSynth {
  defaultSynth ??= synthPortico();
  return defaultSynth;
}

/** Logical ids of the resources of one type. */
export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResourceJson][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** Logical id of the CfnResource under a construct path (e.g. `stack.functions[id].function`). */
export function logicalIdOf(stack: PlatformStack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild as Parameters<PlatformStack['getLogicalId']>[0] | undefined;
  if (!child) throw new Error('construct has no default child');
  return stack.resolve(stack.getLogicalId(child)) as string;
}
