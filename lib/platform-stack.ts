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
import type { Grants, ServiceAction, TableAction } from '#shared/permissions/actions.ts';
import { assertRouteTable, grantsFor, routeTable } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { type TableDefinition, type TableName, tableList } from '#shared/tables/definitions.ts';
import type { PorticoConfig } from './config.ts';
import { Api } from './constructs/api.ts';
import { ServiceGrants } from './constructs/service-grants.ts';
import { ScheduledFunctions } from './constructs/scheduled-functions.ts';
import { Data } from './constructs/data.ts';
import { Identity } from './constructs/identity.ts';
import { pascalCase } from './constructs/naming.ts';
import { PorticoFunction, grantTable } from './constructs/portico-function.ts';
import { Provisioning } from './constructs/provisioning.ts';
import { UsagePlans } from './constructs/usage-plans.ts';
import { UsageTracking } from './constructs/usage-tracking.ts';

/** Absolute path of a function entry: `customers/get` → `<root>/functions/customers/get.ts`. */
export function functionEntry(handler: string): string {
  return fileURLToPath(new URL(`../functions/${handler}.ts`, import.meta.url));
}

/** Non-route function entries. */
export const AUTHORIZER_HANDLER = eventFunctions.authorizer.handler;
export const CUSTOMER_AUTHORIZER_HANDLER = eventFunctions.customerAuthorizer.handler;
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
  /** Exactly what the function may call. */
  readonly grants?: Grants;
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
  /** Usage plans of the plans (per-customer rate limits) and the platform key. */
  readonly usagePlans: UsagePlans;
  readonly authorizerFunction: PorticoFunction;
  readonly customerAuthorizerFunction: PorticoFunction;
  readonly stackStatusFunction: PorticoFunction;
  readonly usageTracking: UsageTracking;
  readonly scheduled: ScheduledFunctions;
  /** Service grants wait until the resources they are scoped to exist (the stack-status function is built inside Provisioning). */
  private readonly pendingServiceGrants: [PorticoFunction, readonly ServiceAction[]][] = [];
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

    this.authorizerFunction = this.createFunction(this, 'AuthorizerFunction', {
      handler: AUTHORIZER_HANDLER,
      grants: eventFunctions.authorizer,
      description: eventFunctions.authorizer.summary,
    });
    this.customerAuthorizerFunction = this.createFunction(this, 'CustomerAuthorizerFunction', {
      handler: CUSTOMER_AUTHORIZER_HANDLER,
      grants: eventFunctions.customerAuthorizer,
      description: eventFunctions.customerAuthorizer.summary,
    });
    this.apiConstruct = new Api(this, 'Api', {
      authorizerFunction: this.authorizerFunction,
      customerAuthorizerFunction: this.customerAuthorizerFunction,
      corsAllowOrigins: config.corsAllowOrigins,
      throttleRateLimit: config.throttleRateLimit,
      throttleBurstLimit: config.throttleBurstLimit,
      logRetentionDays: config.logRetentionDays,
      cloudWatchRole: config.apiGatewayCloudWatchRole,
    });
    this.api = this.apiConstruct.restApi;
    // Customer stacks import these plans' ids to put their API key in one.
    const usagePlanExportPrefix = `${this.stackName}-UsagePlan-`;
    this.usagePlans = new UsagePlans(this, 'UsagePlans', { restApi: this.api, exportPrefix: usagePlanExportPrefix });

    this.provisioning = new Provisioning(this, 'Provisioning', {
      bucketPrefix: this.bucketPrefix,
      corsAllowOrigins: config.corsAllowOrigins,
      accessLogBucketExportName: `${this.stackName}-CustomerAccessLogBucket`,
      noncurrentVersionDays: config.noncurrentVersionDays,
      usagePlanExportPrefix,
      stackStatusFunction: (fnScope, fnId, deadLetterQueue) =>
        this.createFunction(fnScope, fnId, {
          handler: STACK_STATUS_HANDLER,
          grants: eventFunctions.stackStatus,
          deadLetterQueue,
          description: eventFunctions.stackStatus.summary,
        }),
    });
    this.stackStatusFunction = this.provisioning.stackStatusFunction;
    this.usagePlans.grantCustomerKeys(this.provisioning.customerStackRole);

    this.usageTracking = new UsageTracking(this, 'Usage', {
      bucketPrefix: this.bucketPrefix,
      usageFunction: (fnScope, fnId, deadLetterQueue) =>
        this.createFunction(fnScope, fnId, {
          handler: eventFunctions.s3ObjectEvents.handler,
          grants: eventFunctions.s3ObjectEvents,
          deadLetterQueue,
          description: eventFunctions.s3ObjectEvents.summary,
        }),
    });

    this.scheduled = new ScheduledFunctions(this, 'Scheduled', {
      definitions: [eventFunctions.reconcileCustomers, eventFunctions.reconcileWorksets, eventFunctions.expireUploads],
      createFunction: (fnScope, fnId, definition, deadLetterQueue) =>
        this.createFunction(fnScope, fnId, {
          handler: definition.handler,
          grants: definition,
          deadLetterQueue,
          description: definition.summary,
          timeout: definition.timeoutSeconds === undefined ? undefined : Duration.seconds(definition.timeoutSeconds),
        }),
    });

    const functions: Record<string, PorticoFunction> = {};
    for (const route of this.routes) {
      const fn = this.createFunction(this, `${pascalCase(route.id)}Function`, {
        handler: route.handler,
        // Declared grants plus what the access guard calls.
        grants: grantsFor(route),
        timeout: route.timeoutSeconds === undefined ? undefined : Duration.seconds(route.timeoutSeconds),
        description: `${route.method} ${route.path}: ${route.summary}`,
      });
      this.apiConstruct.addRoute(route, fn);
      functions[route.id] = fn;
    }
    this.functions = functions;
    if (config.referenceDataPrefixes.length > 0) {
      functions['worksets.submit']?.addEnvironment(ENV.referenceDataPrefixes, config.referenceDataPrefixes.join(','));
    }

    const serviceGrants = new ServiceGrants({ provisioning: this.provisioning, userPool: this.userPool, bucketPrefix: this.bucketPrefix });
    for (const [fn, actions] of this.pendingServiceGrants) serviceGrants.grant(fn, actions);

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
    for (const [name, actions] of Object.entries(options.grants?.tables ?? {}) as [TableName, readonly TableAction[]][]) {
      const { table, definition } = this.data.table(name);
      grantTable(fn, definition, table, actions);
    }
    this.pendingServiceGrants.push([fn, options.grants?.actions ?? []]);
    return fn;
  }
}
