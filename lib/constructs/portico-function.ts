import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableDefinition } from '#shared/tables/definitions.ts';
import type { TableAction } from '#shared/permissions/actions.ts';
import { FUNCTION_BUNDLING, FUNCTION_NODE_OPTIONS } from './function-bundling.ts';

export { ESM_REQUIRE_BANNER } from './function-bundling.ts';

export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;

export interface PorticoFunctionProps {
  /** Absolute path of the entry file; it must export `handler`. */
  readonly entry: string;
  /**
   * Memory in MB (CPU scales with it).
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Timeout.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Caller environment. Merged over the construct's defaults: a key given here is never overwritten.
   * @default {}
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Retention of the function's own log group.
   * @default 30 days (context `portico:logRetentionDays`)
   */
  readonly logRetentionDays?: number;
  /**
   * A log group shared with other functions (each line carries its
   * `function_name`); `logRetentionDays` is then that group's business.
   * @default a log group of its own
   */
  readonly logGroup?: logs.ILogGroup;
  /**
   * `POWERTOOLS_SERVICE_NAME`.
   * @default 'portico'
   */
  readonly serviceName?: string;
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * Dead-letter queue for asynchronous invocations (EventBridge, S3); leave empty for
   * functions only invoked synchronously (API Gateway), where a DLQ never receives anything.
   * @default - no dead-letter queue
   */
  readonly deadLetterQueue?: IQueue;
  /**
   * Human-readable description of the function.
   * @default - none
   */
  readonly description?: string;
}

/** The memory every function gets unless it asks for more. */
export const DEFAULT_MEMORY_MB = 256;
/** The timeout every function gets unless it asks for more. */
export const DEFAULT_TIMEOUT = Duration.seconds(10);

/**
 * The one Lambda function construct of the project: Node.js 22 on ARM64, an ESM
 * bundle with the AWS SDK inside, source maps, X-Ray tracing, an explicit memory
 * size and timeout, and its own log group with a retention (or one it shares).
 * The execution role holds no AWS managed policy: it may write to that log
 * group only, plus what callers grant.
 */
export class PorticoFunction extends Construct implements iam.IGrantable {
  readonly function: NodejsFunction;
  readonly logGroup: logs.ILogGroup;
  readonly role: iam.Role;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: PorticoFunctionProps) {
    super(scope, id);
    const retentionDays = props.logRetentionDays ?? 30;

    this.logGroup =
      props.logGroup ??
      new logs.LogGroup(this, 'LogGroup', {
        retention: retentionDays as logs.RetentionDays,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${this.node.path}`,
    });
    // Replaces AWSLambdaBasicExecutionRole: write to this function's log group only (or the group it shares).
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const environment: Record<string, string> = {
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      POWERTOOLS_SERVICE_NAME: props.serviceName ?? 'portico',
      POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      ...props.environment,
    };

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout ?? DEFAULT_TIMEOUT,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment,
      deadLetterQueue: props.deadLetterQueue,
      description: props.description,
      bundling: FUNCTION_BUNDLING,
    });
    this.grantPrincipal = this.function.grantPrincipal;

    Validations.of(this.function).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'The runtime is pinned to nodejs22.x on purpose: bundles target node22 and the local stack runs the same major; moving to a newer runtime is a deliberate, tested change of FUNCTION_RUNTIME.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason:
          'The runtime is pinned to nodejs22.x on purpose: bundles target node22 and the local stack runs the same major; moving to a newer runtime is a deliberate, tested change of FUNCTION_RUNTIME.',
      },
    );
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords use Resource "*", added by tracing: ACTIVE; X-Ray offers no resource-level permissions for them.',
    });
    if (!props.deadLetterQueue) {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously only (API Gateway proxy or authorizer): errors go back to the caller as HTTP responses, and a dead-letter queue only receives failed asynchronous invocations.',
      });
    }
  }

  /** Adds an environment variable after construction (table names, service settings). */
  addEnvironment(key: string, value: string): this {
    this.function.addEnvironment(key, value);
    return this;
  }
}

/**
 * Grants a function exactly these DynamoDB actions on one table (and each of its
 * declared indexes, named one by one: no wildcard) and sets the table's environment
 * variable to its physical name, in one call.
 */
export function grantTable(fn: PorticoFunction, definition: TableDefinition, table: ITableV2, actions: readonly TableAction[]): void {
  if (actions.length === 0) return;
  const indexArns = actions.includes('Query') ? definition.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`) : [];
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: actions.map((action) => `dynamodb:${action}`),
      resources: [table.tableArn, ...indexArns],
    }),
  );
  fn.addEnvironment(definition.envVar, table.tableName);
}
