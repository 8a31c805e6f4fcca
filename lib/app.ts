import { App, Aspects, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { type PorticoConfig, readConfig } from './config.ts';
import { PlatformStack } from './platform-stack.ts';
import { PorticoTagging } from './tagging.ts';

export interface BuildAppOptions {
  /**
   * Where the cloud assembly goes.
   * @default - the CDK CLI's outdir, or a temporary directory
   */
  readonly outdir?: string;
  /**
   * Routes to serve (tests may use a subset while entries are being written).
   * @default routeTable
   */
  readonly routes?: readonly RouteDefinition[];
  /**
   * CDK's built-in CloudFormation schema validation at synth (several seconds).
   * `cdk synth --no-validation` or `CDK_VALIDATION=false` also turn it off.
   * @default true
   */
  readonly cloudFormationValidation?: boolean;
}

export interface PorticoApp {
  readonly app: App;
  readonly config: PorticoConfig;
  readonly platformStack: PlatformStack;
}

/**
 * The whole CDK app, shared by `bin/portico.ts` and the tests: reads the context into
 * a validated config, creates the platform stack, tags it, and registers the cdk-nag
 * AwsSolutions and Serverless packs as synthesis validation plugins.
 */
export function buildApp(context: Record<string, unknown> = {}, options: BuildAppOptions = {}): PorticoApp {
  const app = new App({ context, outdir: options.outdir, builtinCloudFormationValidation: options.cloudFormationValidation });
  const config = readConfig((key) => app.node.tryGetContext(key));

  const platformStack = new PlatformStack(app, config.stackName, {
    stackName: config.stackName,
    description: `Portico customer platform (${config.environment})`,
    config,
    routes: options.routes,
  });
  Aspects.of(platformStack).add(
    new PorticoTagging({ project: config.project, environment: config.environment, costCenter: config.costCenter }),
  );

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, config, platformStack };
}
