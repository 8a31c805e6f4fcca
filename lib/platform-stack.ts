import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aws, type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '#shared/config/env-vars.ts';
import { eventFunctions, type EventFunctionDefinition } from '#shared/routes/event-functions.ts';
import { PLATFORM_BUCKETS, type BucketAction, type Grants, type PlatformBucket, type ServiceAction, type TableAction } from '#shared/permissions/actions.ts';
import { assertRouteTable, grantsFor, routeTable } from '#shared/routes/index.ts';
import type { RouteDefinition } from '#shared/routes/types.ts';
import { type TableDefinition, type TableName, tableList } from '#shared/tables/definitions.ts';
import type { PorticoConfig } from './config.ts';
import { Alarms } from './constructs/alarms.ts';
import { Api } from './constructs/api.ts';
import { CostAllocation } from './constructs/cost-allocation.ts';
import { ServiceGrants } from './constructs/service-grants.ts';
import { ScheduledFunctions } from './constructs/scheduled-functions.ts';
import { Data } from './constructs/data.ts';
import { Finance } from './constructs/finance.ts';
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
  readonly logGroup?: logs.ILogGroup;
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
  /** Alarms on dead-letter queues, function errors, API 5xx and customers stuck in PROVISIONING, on one topic. */
  readonly alarms: Alarms;
  /** The finance bucket (billing exports). */
  readonly finance: Finance;
  /** Tag activation on every deploy, the customer budgets' grant, the optional Cost Category. */
  readonly costAllocation: CostAllocation;
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
      stackStatusFunction: this.eventFunction(eventFunctions.stackStatus),
    });
    this.stackStatusFunction = this.provisioning.stackStatusFunction;
    this.finance = new Finance(this, 'Finance', { accessLogBucket: this.provisioning.accessLogBucket, corsAllowOrigins: config.corsAllowOrigins });
    this.usagePlans.grantCustomerKeys(this.provisioning.customerStackRole);

    this.usageTracking = new UsageTracking(this, 'Usage', {
      bucketPrefix: this.bucketPrefix,
      usageFunction: this.eventFunction(eventFunctions.s3ObjectEvents),
    });

    this.scheduled = new ScheduledFunctions(this, 'Scheduled', {
      // Every event function with a schedule.
      definitions: Object.values(eventFunctions as Record<string, EventFunctionDefinition>).filter((definition) => definition.everyMinutes !== undefined),
      createFunction: (fnScope, fnId, definition, deadLetterQueue) => this.eventFunction(definition)(fnScope, fnId, deadLetterQueue),
    });

    this.costAllocation = new CostAllocation(this, 'CostAllocation', {
      activateTags: config.activateCostTags,
      activationFunction: this.eventFunction(eventFunctions.activateCostTags),
      costCategoryName: config.costCategory ? `${config.project}-customers` : undefined,
      customerStackRole: this.provisioning.customerStackRole,
    });

    // One log group for every route's function (each line names its function_name): a
    // group each would take 40 of the template's 500 resources. Event functions keep their own.
    const routeLogs = new logs.LogGroup(this, 'RouteFunctionLogs', {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const functions: Record<string, PorticoFunction> = {};
    for (const route of this.routes) {
      const fn = this.createFunction(this, `${pascalCase(route.id)}Function`, {
        handler: route.handler,
        // Declared grants plus what the access guard calls.
        grants: grantsFor(route),
        timeout: route.timeoutSeconds === undefined ? undefined : Duration.seconds(route.timeoutSeconds),
        description: `${route.method} ${route.path}: ${route.summary}`,
        logGroup: routeLogs,
      });
      this.apiConstruct.addRoute(route, fn);
      functions[route.id] = fn;
    }
    this.functions = functions;
    if (config.referenceDataPrefixes.length > 0) {
      functions['worksets.submit']?.addEnvironment(ENV.referenceDataPrefixes, config.referenceDataPrefixes.join(','));
    }

    // The billing export and the monthly job price usage at the configured rates.
    for (const fn of [functions['billing.export'], this.scheduled.functions[eventFunctions.monthlyBillingExport.id]]) {
      fn?.addEnvironment(ENV.billingRates, JSON.stringify(config.billingRates));
    }
    // The platform status reads the depth of every dead-letter queue.
    functions['admin.status']?.addEnvironment(
      ENV.deadLetterQueues,
      Stack.of(this).toJsonString(Object.fromEntries(this.deadLetterQueues().map((queue) => [queue.node.path, queue.queueUrl]))),
    );
    const serviceGrants = new ServiceGrants({
      provisioning: this.provisioning,
      userPool: this.userPool,
      bucketPrefix: this.bucketPrefix,
      deadLetterQueues: () => this.deadLetterQueues(),
      platformBuckets: () => [this.finance.bucket],
    });
    for (const [fn, actions] of this.pendingServiceGrants) serviceGrants.grant(fn, actions);

    this.alarms = new Alarms(this, 'Alarms', {
      restApi: this.api,
      functions: Object.fromEntries(
        this.node
          .findAll()
          .filter((c): c is PorticoFunction => c instanceof PorticoFunction)
          .map((fn) => [pascalCase(fn.node.path.replace(/^[^/]+\//, '').replaceAll('/', '-')), fn]),
      ),
      deadLetterQueues: Object.fromEntries(this.deadLetterQueues().map((queue) => [pascalCase(queue.node.path.replace(/^[^/]+\//, '').replaceAll('/', '-')), queue])),
      ...(config.alarmEmail ? { email: config.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the Portico API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'CustomerTemplateUrl', { value: this.provisioning.templateUrl });
  }

  private platformBucket(name: PlatformBucket): s3.Bucket {
    switch (name) {
      case 'finance':
        return this.finance.bucket;
    }
  }

  /** Builds an event function from its declaration (handler, grants, summary, timeout), with the dead-letter queue of its delivery. */
  private eventFunction(definition: EventFunctionDefinition) {
    return (scope: Construct, id: string, deadLetterQueue: sqs.IQueue): PorticoFunction =>
      this.createFunction(scope, id, {
        handler: definition.handler,
        grants: definition,
        deadLetterQueue,
        description: definition.summary,
        timeout: definition.timeoutSeconds === undefined ? undefined : Duration.seconds(definition.timeoutSeconds),
      });
  }

  /** Every queue of the stack: each is the terminal dead-letter queue of an event delivery. */
  deadLetterQueues(): sqs.Queue[] {
    return this.node.findAll().filter((c): c is sqs.Queue => c instanceof sqs.Queue);
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
      logGroup: options.logGroup,
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
    for (const [name, actions] of Object.entries(options.grants?.buckets ?? {}) as [PlatformBucket, readonly BucketAction[]][]) {
      const bucket = this.platformBucket(name);
      fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects('*')] }));
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.resolve(this.getLogicalId(bucket.node.defaultChild as CfnElement)) as string}.Arn>/*]`,
        reason: `Objects of the ${name} bucket, whose keys are chosen at run time (a billing export's period and request id); the bucket is the platform's own and nothing else.`,
      });
      fn.addEnvironment(PLATFORM_BUCKETS[name].envVar, bucket.bucketName);
    }
    this.pendingServiceGrants.push([fn, options.grants?.actions ?? []]);
    return fn;
  }
}
