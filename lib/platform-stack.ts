import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '#shared/config/env-vars.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { assertRouteTable, routeTable, tablesFor } from '#shared/routes/index.ts';
import type { RouteDefinition, TableAccess } from '#shared/routes/types.ts';
import { type TableDefinition, type TableName, tableList } from '#shared/tables/definitions.ts';
import type { PorticoConfig } from './config.ts';
import { Api } from './constructs/api.ts';
import { CapabilityGrants } from './constructs/capabilities.ts';
import { Data } from './constructs/data.ts';
import { Identity } from './constructs/identity.ts';
import { pascalCase } from './constructs/naming.ts';
import { PorticoFunction, grantTable } from './constructs/portico-function.ts';
import { Provisioning } from './constructs/provisioning.ts';
import { UsageTracking } from './constructs/usage-tracking.ts';

/** Absolute path of a function entry: `customers/get` → `<root>/functions/customers/get.ts`. */
export function functionEntry(handler: string): string {
  return fileURLToPath(new URL(`../functions/${handler}.ts`, import.meta.url));
}

/** Non-route function entries. */
export const AUTHORIZER_HANDLER = eventFunctions.authorizer.handler;
export const STACK_STATUS_HANDLER = eventFunctions.stackStatus.handler;

export interface PlatformStackProps extends StackProps {
  /** Validated deployment settings. */
  readonly config: PorticoConfig;
  /**
   * Routes to serve.
   * @default routeTable (shared/routes)
   */
  readonly routes?: readonly RouteDefinition[];
  /**
   * Tables to build.
   * @default tableList (shared/tables/definitions.ts)
   */
  readonly tables?: readonly TableDefinition[];
}

interface FunctionOptions {
  readonly handler: string;
  readonly tables?: Partial<Record<TableName, TableAccess>>;
  readonly timeout?: Duration;
  readonly deadLetterQueue?: sqs.IQueue;
  readonly description?: string;
}

/**
 * The Portico platform: tables, user pool, REST API wired from the shared route
 * table, and customer provisioning (customer template, customer-stack role,
 * stack-status events).
 */
export class PlatformStack extends Stack {
  readonly config: PorticoConfig;
  /** `<prefix>` of customer buckets: the literal from context or `portico-${AWS::AccountId}`. */
  readonly bucketPrefix: string;
  readonly data: Data;
  readonly tables: Readonly<Record<TableName, dynamodb.TableV2>>;
  readonly identity: Identity;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly apiConstruct: Api;
  readonly api: apigw.RestApi;
  readonly provisioning: Provisioning;
  readonly authorizerFunction: PorticoFunction;
  readonly stackStatusFunction: PorticoFunction;
  readonly usageTracking: UsageTracking;
  /** One function per route, by route id. */
  readonly functions: Readonly<Record<string, PorticoFunction>>;
  readonly routes: readonly RouteDefinition[];

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    this.routes = props.routes ?? routeTable;
    assertRouteTable(this.routes);
    this.bucketPrefix = config.bucketPrefix ?? `portico-${Aws.ACCOUNT_ID}`;

    this.data = new Data(this, 'Data', { definitions: props.tables ?? tableList, deletionProtection: config.deletionProtection });
    this.tables = this.data.tables;

    this.identity = new Identity(this, 'Identity', { mfa: config.mfa, deletionProtection: config.deletionProtection });
    this.userPool = this.identity.userPool;
    this.userPoolClient = this.identity.userPoolClient;

    this.provisioning = new Provisioning(this, 'Provisioning', {
      bucketPrefix: this.bucketPrefix,
      corsAllowOrigins: config.corsAllowOrigins,
      accessLogBucketExportName: `${this.stackName}-CustomerAccessLogBucket`,
      noncurrentVersionDays: config.noncurrentVersionDays,
      stackStatusFunction: (fnScope, fnId, deadLetterQueue) =>
        this.createFunction(fnScope, fnId, {
          handler: STACK_STATUS_HANDLER,
          tables: eventFunctions.stackStatus.tables,
          deadLetterQueue,
          description: eventFunctions.stackStatus.summary,
        }),
    });
    this.stackStatusFunction = this.provisioning.stackStatusFunction;

    this.usageTracking = new UsageTracking(this, 'Usage', {
      bucketPrefix: this.bucketPrefix,
      usageFunction: (fnScope, fnId, deadLetterQueue) =>
        this.createFunction(fnScope, fnId, {
          handler: eventFunctions.s3ObjectEvents.handler,
          tables: eventFunctions.s3ObjectEvents.tables,
          deadLetterQueue,
          description: eventFunctions.s3ObjectEvents.summary,
        }),
    });

    this.authorizerFunction = this.createFunction(this, 'AuthorizerFunction', {
      handler: AUTHORIZER_HANDLER,
      description: eventFunctions.authorizer.summary,
    });
    this.apiConstruct = new Api(this, 'Api', {
      authorizerFunction: this.authorizerFunction,
      corsAllowOrigins: config.corsAllowOrigins,
      throttleRateLimit: config.throttleRateLimit,
      throttleBurstLimit: config.throttleBurstLimit,
      logRetentionDays: config.logRetentionDays,
      cloudWatchRole: config.apiGatewayCloudWatchRole,
    });
    this.api = this.apiConstruct.restApi;

    const capabilities = new CapabilityGrants({
      provisioning: this.provisioning,
      userPool: this.userPool,
      bucketPrefix: this.bucketPrefix,
    });
    const functions: Record<string, PorticoFunction> = {};
    for (const route of this.routes) {
      const fn = this.createFunction(this, `${pascalCase(route.id)}Function`, {
        handler: route.handler,
        // Declared tables plus what the access guard reads for customer-scoped routes.
        tables: tablesFor(route),
        timeout: route.timeoutSeconds === undefined ? undefined : Duration.seconds(route.timeoutSeconds),
        description: `${route.method} ${route.path}: ${route.summary}`,
      });
      for (const capability of route.capabilities ?? []) capabilities.grant(fn, capability);
      this.apiConstruct.addRoute(route, fn);
      functions[route.id] = fn;
    }
    this.functions = functions;

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the Portico API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'CustomerTemplateUrl', { value: this.provisioning.templateUrl });
  }

  /** Every function of the stack: the one construct, the common environment, table grants. */
  private createFunction(scope: Construct, id: string, options: FunctionOptions): PorticoFunction {
    const entry = functionEntry(options.handler);
    if (!existsSync(entry)) {
      throw new Error(`Function entry ${entry} does not exist (handler '${options.handler}')`);
    }
    const fn = new PorticoFunction(scope, id, {
      entry,
      timeout: options.timeout,
      logRetentionDays: this.config.logRetentionDays,
      logLevel: this.config.logLevel,
      deadLetterQueue: options.deadLetterQueue,
      description: options.description,
      environment: {
        [ENV.environment]: this.config.environment,
        [ENV.bucketPrefix]: this.bucketPrefix,
        [ENV.corsAllowOrigin]: this.config.corsAllowOrigins.join(','),
        [ENV.userPoolId]: this.identity.userPool.userPoolId,
        [ENV.userPoolClientId]: this.identity.userPoolClient.userPoolClientId,
      },
    });
    for (const [name, access] of Object.entries(options.tables ?? {}) as [TableName, TableAccess][]) {
      const { table, definition } = this.data.table(name);
      grantTable(fn, definition, table, access);
    }
    return fn;
  }
}
