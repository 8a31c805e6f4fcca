import { ArnFormat, Aws, CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CloudFormationTemplate } from 'aws-cdk-lib/aws-servicecatalog';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '#shared/config/env-vars.ts';
import { CUSTOMER_STACK_PREFIX } from '#shared/customers/template-contract.ts';
import type { ServiceAction } from '#shared/permissions/actions.ts';
import { CustomerStack } from '../customer-template/customer-stack.ts';
import { deliverToFunction, terminalDeadLetterQueue } from './event-delivery.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * What CloudFormation needs to create, read and update a customer bucket as the customer
 * template declares it, and to roll back a create that failed. Both resources have
 * DeletionPolicy Retain; customer stacks are created with RetainExceptOnCreate, so the
 * only bucket CloudFormation ever deletes is one the failed create itself just made
 * (empty: nothing can have been uploaded to it yet). Deleting a stack keeps its bucket.
 */
export const CUSTOMER_STACK_S3_ACTIONS = [
  's3:CreateBucket',
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetBucketAcl',
  's3:PutBucketVersioning',
  's3:GetBucketVersioning',
  's3:PutEncryptionConfiguration',
  's3:GetEncryptionConfiguration',
  's3:PutBucketPublicAccessBlock',
  's3:GetBucketPublicAccessBlock',
  's3:PutBucketOwnershipControls',
  's3:GetBucketOwnershipControls',
  's3:PutBucketPolicy',
  's3:GetBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:GetLifecycleConfiguration',
  's3:PutBucketCORS',
  's3:GetBucketCORS',
  's3:PutBucketLogging',
  's3:GetBucketLogging',
  's3:PutBucketTagging',
  's3:GetBucketTagging',
  // EventBridge notifications, which the usage function counts storage from.
  's3:PutBucketNotification',
  // Read by CloudFormation when it describes the bucket after create/update.
  's3:GetAccelerateConfiguration',
  's3:GetAnalyticsConfiguration',
  's3:GetBucketNotification',
  's3:GetBucketObjectLockConfiguration',
  's3:GetBucketWebsite',
  's3:GetIntelligentTieringConfiguration',
  's3:GetInventoryConfiguration',
  's3:GetMetricsConfiguration',
  's3:GetReplicationConfiguration',
  // Rollback of a failed create (RetainExceptOnCreate): the resource handlers' delete
  // permissions of AWS::S3::Bucket and AWS::S3::BucketPolicy.
  's3:DeleteBucket',
  's3:DeleteBucketPolicy',
] as const;

/**
 * IAM actions CloudFormation authorizes alongside a stack call: creating or updating a
 * stack with tags (the cost-allocation tags) is also authorized as tagging it.
 */
export const IMPLIED_STACK_ACTIONS: Partial<Record<ServiceAction, readonly string[]>> = {
  'cloudformation:CreateStack': ['cloudformation:TagResource'],
  'cloudformation:UpdateStack': ['cloudformation:TagResource', 'cloudformation:UntagResource'],
};

/** Stack calls that name the customer-stack role (RoleARN), so the caller must be allowed to pass it. */
const ROLE_PASSING = new Set<ServiceAction>(['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack']);

/** Days the platform keeps customer buckets' server access logs. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

export interface ProvisioningProps {
  /** Customer bucket name prefix (literal, or `portico-${AWS::AccountId}`). */
  readonly bucketPrefix: string;
  /** Origins allowed to upload to customer buckets from a browser. */
  readonly corsAllowOrigins: readonly string[];
  /** Export name of the access-log bucket name, imported by customer stacks. */
  readonly accessLogBucketExportName: string;
  /** Noncurrent version expiry passed to new customer stacks. */
  readonly noncurrentVersionDays: number;
  /** Prefix of the export names of the plans' usage plan ids (`<prefix><plan>`), imported by customer stacks. */
  readonly usagePlanExportPrefix: string;
  /**
   * Builds the stack-status function; it receives the dead-letter queue that takes its
   * failed asynchronous invocations.
   */
  readonly stackStatusFunction: (scope: Construct, id: string, deadLetterQueue: sqs.IQueue) => PorticoFunction;
}

/**
 * Everything that turns a customer record into a customer stack and back: the
 * synthesized customer template, the role CloudFormation uses for customer stacks,
 * the bucket that receives their server access logs, and the rule that delivers
 * their status changes to the stack-status function.
 */
export class Provisioning extends Construct {
  readonly customerStack: CustomerStack;
  /** HTTPS URL of the customer template asset. */
  readonly templateUrl: string;
  /** ARN of the template object, the one object a provisioner must be able to read. */
  readonly templateObjectArn: string;
  /**
   * The customer template's version: the asset's hash (CDK names the object `<hash>.json`),
   * so every change of the template is a new version and redeploying the same one is not.
   */
  readonly templateVersion: string;
  readonly customerStackRole: iam.Role;
  readonly accessLogBucket: s3.Bucket;
  readonly stackStatusFunction: PorticoFunction;
  readonly stackStatusRule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;
  /** `arn:…:s3:::<prefix>-*`: every customer bucket of this deployment. */
  readonly customerBucketArnPattern: string;
  /** `arn:…:cloudformation:<region>:<account>:stack/portico-customer-*\/*`. */
  readonly customerStackArnPattern: string;
  private readonly noncurrentVersionDays: number;

  constructor(scope: Construct, id: string, props: ProvisioningProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.noncurrentVersionDays = props.noncurrentVersionDays;
    this.customerBucketArnPattern = `arn:${Aws.PARTITION}:s3:::${props.bucketPrefix}-*`;
    this.customerStackArnPattern = stack.formatArn({
      service: 'cloudformation',
      resource: 'stack',
      resourceName: `${CUSTOMER_STACK_PREFIX}*/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    // Server access logs of every customer bucket, one prefix per customer.
    this.accessLogBucket = new s3.Bucket(this, 'CustomerAccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED, // the only encryption S3 log delivery supports
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS) },
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    this.accessLogBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CustomerBucketServerAccessLogs',
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.accessLogBucket.arnForObjects('*')],
        conditions: {
          ArnLike: { 'aws:SourceArn': this.customerBucketArnPattern },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );
    // No AwsSolutions-S1 acknowledgement: cdk-nag sees this bucket is the access-log destination of the platform's finance bucket.
    new CfnOutput(this, 'CustomerAccessLogBucketName', {
      value: this.accessLogBucket.bucketName,
      description: 'Server access log bucket of customer buckets (imported by customer stacks)',
      exportName: props.accessLogBucketExportName,
    });

    this.customerStack = new CustomerStack(this, 'CustomerTemplate', {
      bucketPrefix: props.bucketPrefix,
      corsAllowOrigins: props.corsAllowOrigins,
      accessLogBucketExportName: props.accessLogBucketExportName,
      usagePlanExportPrefix: props.usagePlanExportPrefix,
    });
    this.templateUrl = CloudFormationTemplate.fromProductStack(this.customerStack).bind(this).httpUrl;
    // https://s3.<region>.<suffix>/<bucket>/<key>: the asset's bucket and key.
    const urlParts = Fn.split('/', this.templateUrl);
    this.templateObjectArn = `arn:${Aws.PARTITION}:s3:::${Fn.select(3, urlParts)}/${Fn.select(4, urlParts)}`;
    this.templateVersion = Fn.select(0, Fn.split('.', Fn.select(4, urlParts)));

    this.customerStackRole = new iam.Role(this, 'CustomerStackRole', {
      assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com'),
      description: `CloudFormation service role for ${CUSTOMER_STACK_PREFIX}* stacks: customer bucket configuration, and the rollback of a failed create`,
      inlinePolicies: {
        CustomerBucketConfiguration: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: [...CUSTOMER_STACK_S3_ACTIONS], resources: [this.customerBucketArnPattern] }),
          ],
        }),
      },
    });
    Validations.of(this.customerStackRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${nagText(props.bucketPrefix)}-*]`,
      reason:
        'Customer buckets are created later, one per customer, as <prefix>-<customer_id>; the prefix is this deployment\'s own namespace. The actions are bucket configuration, plus deleting the bucket and policy a failed create just made (its rollback); no object access, and deleting a non-empty bucket fails.',
    });

    // Status changes of customer stacks → stack-status function, failures → DLQ.
    this.deadLetterQueue = terminalDeadLetterQueue(this, 'StackStatusDeadLetterQueue', 'the stack-status rule and function');
    this.stackStatusFunction = props.stackStatusFunction(this, 'StackStatusFunction', this.deadLetterQueue);
    this.stackStatusRule = new events.Rule(this, 'CustomerStackStatusRule', {
      description: `Status changes of ${CUSTOMER_STACK_PREFIX}* stacks`,
      eventPattern: {
        source: ['aws.cloudformation'],
        detailType: ['CloudFormation Stack Status Change'],
        detail: {
          'stack-id': events.Match.prefix(
            stack.formatArn({
              service: 'cloudformation',
              resource: 'stack',
              resourceName: CUSTOMER_STACK_PREFIX,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          ),
        },
      },
    });
    deliverToFunction(this.stackStatusRule, this.stackStatusFunction, this.deadLetterQueue);
  }

  /**
   * Exactly these CloudFormation actions on `portico-customer-*` stacks, plus what they
   * imply: tagging for create and update, passing the customer-stack role to
   * CloudFormation for create, update and delete, reading the template for create, and
   * the environment the provisioner reads.
   */
  grantCustomerStacks(fn: PorticoFunction, actions: readonly ServiceAction[]): void {
    const implied = actions.flatMap((action) => IMPLIED_STACK_ACTIONS[action] ?? []);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...new Set([...actions, ...implied])], resources: [this.customerStackArnPattern] }),
    );
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:<AWS::Region>:<AWS::AccountId>:stack/${CUSTOMER_STACK_PREFIX}*/*]`,
      reason:
        'Customer stacks are created at run time, one per customer, as portico-customer-<customer_id>; the name prefix and the trailing stack-id segment (a UUID CloudFormation assigns) cannot be known in advance.',
    });
    if (actions.some((action) => ROLE_PASSING.has(action))) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.customerStackRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
        }),
      );
      fn.addEnvironment(ENV.customerStackRoleArn, this.customerStackRole.roleArn);
      fn.addEnvironment(ENV.noncurrentVersionDays, String(this.noncurrentVersionDays));
    }
    // A create sends the template in force, and so does a template rollout's update.
    if (actions.includes('cloudformation:CreateStack') || actions.includes('cloudformation:UpdateStack')) {
      // CloudFormation fetches TemplateURL with the caller's credentials.
      fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.templateObjectArn] }));
      fn.addEnvironment(ENV.customerTemplateUrl, this.templateUrl);
      fn.addEnvironment(ENV.customerTemplateVersion, this.templateVersion);
    }
  }
}

/** How cdk-nag prints a token-bearing string inside a finding id. */
export function nagText(value: string): string {
  return value.replace(/\$\{Token\[AWS\.([A-Za-z]+)\.\d+\]\}/g, '<AWS::$1>');
}
