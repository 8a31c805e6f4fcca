import { CfnCondition, CfnOutput, CfnParameter, Duration, Fn, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ProductStack } from 'aws-cdk-lib/aws-servicecatalog';
import type { Construct } from 'constructs';
import {
  API_KEY_DASH,
  API_KEY_VALUE_PREFIX,
  BUCKET_CORS_RULE,
  CUSTOMER_STACK_PREFIX,
  BUCKET_LIFECYCLE,
  type CUSTOMER_TAG_KEYS,
  MANAGED_BY,
  TEMPLATE_OUTPUTS,
  TEMPLATE_PARAMETERS,
} from '#shared/customers/template-contract.ts';
import { CUSTOMER_ID_PATTERN, MAX_SLUG_LENGTH } from '#shared/customers/customer-id.ts';
import { PLAN_NAMES } from '#shared/quotas/declarations.ts';
import { BUDGET_ALERTS, BUDGET_NAME_PREFIX, BUDGET_PARAMETERS, BUDGET_TAG_FILTER_PREFIX } from '#shared/billing/customer-budget.ts';

/** `<slug>-<8 hex>`: the longest customer id. */
export const MAX_CUSTOMER_ID_LENGTH = MAX_SLUG_LENGTH + 1 + 8;
/**
 * The template's `AllowedPattern`: the same expression the application uses to mint ids
 * (Java and JavaScript read it alike), so every id the app creates is one CloudFormation accepts.
 */
export const CUSTOMER_ID_ALLOWED_PATTERN = CUSTOMER_ID_PATTERN.source;

export interface CustomerStackProps {
  /**
   * Prefix of the bucket name (`<prefix>-<CustomerId>`): a literal, or an expression of
   * pseudo parameters only (such as `portico-${AWS::AccountId}`), which resolves the
   * same way in the customer stack as in the platform stack.
   */
  readonly bucketPrefix: string;
  /** Origins browsers may upload from (`['*']` for any). */
  readonly corsAllowOrigins: readonly string[];
  /**
   * Name of the platform stack export holding the server-access-log bucket name.
   * Importing it (rather than hard-coding a bucket name) also stops the platform stack
   * from removing that bucket while any customer stack logs to it.
   */
  readonly accessLogBucketExportName: string;
  /** Prefix of the platform stack exports holding each plan's usage plan id (`<prefix><plan>`). */
  readonly usagePlanExportPrefix: string;
}

/** Prefix of every server access log object of one customer bucket: `<CustomerId>/`. */
export const ACCESS_LOG_PREFIX_SUFFIX = '/';

/**
 * The per-customer CloudFormation template, synthesized by CDK as a Service Catalog
 * ProductStack (a template asset of the platform stack; no Service Catalog product is
 * created). The provisioner creates one stack `portico-customer-<id>` from it.
 *
 * The bucket uses SSE-S3 (AES-256, S3-managed keys): browsers upload multi-gigabyte
 * FASTQ files with presigned URLs, and SSE-KMS would add a KMS request per part and
 * a key grant to every presigning function without a reader that needs the key
 * separation. The bucket and its TLS-only policy are retained when the stack is
 * deleted (offboarding keeps the data).
 *
 * It also holds the customer's API Gateway API key, in the usage plan of the customer's
 * `Plan` (imported from the platform stack): the bucket its members' requests on
 * customer-scoped routes count against (lib/constructs/usage-plans.ts). An UpdateStack
 * with another `Plan` moves the key; deleting the stack deletes the key.
 *
 * With `MonthlyBudgetUsd` above 0 it holds the customer's AWS Budget: monthly cost of the
 * resources tagged `Customer=<id>`, alerting `BillingEmail` (shared/billing/customer-budget.ts).
 * Every taggable resource carries the customer's cost-allocation tags.
 */
export class CustomerStack extends ProductStack {
  readonly parameters: Readonly<Record<keyof typeof TEMPLATE_PARAMETERS, CfnParameter>>;
  readonly bucket: s3.Bucket;
  readonly apiKey: apigw.CfnApiKey;
  readonly usagePlanKey: apigw.CfnUsagePlanKey;
  /** The optional budget's parameters (shared/billing/customer-budget.ts). */
  readonly budgetParameters: Readonly<Record<keyof typeof BUDGET_PARAMETERS, CfnParameter>>;
  /** True when `MonthlyBudgetUsd` is not 0. */
  readonly hasBudget: CfnCondition;
  /** The customer's monthly cost budget, created only under `hasBudget`. */
  readonly budget: budgets.CfnBudget;

  constructor(scope: Construct, id: string, props: CustomerStackProps) {
    super(scope, id, {
      description:
        'Portico customer resources: the customer bucket and its cost-allocation tags, the API key of its rate limits, and its optional monthly budget',
      analyticsReporting: false,
    });

    const tagValue = { minLength: 1, maxLength: 256 };
    this.parameters = {
      customerId: new CfnParameter(this, TEMPLATE_PARAMETERS.customerId, {
        type: 'String',
        description: 'Customer id: <slug>-<8 hex>, the slug 1-20 characters of [a-z0-9-] not starting or ending with "-"',
        allowedPattern: CUSTOMER_ID_ALLOWED_PATTERN,
        minLength: 10, // a 1-character slug, '-', 8 hex digits
        maxLength: MAX_CUSTOMER_ID_LENGTH,
        constraintDescription: 'must look like acme-genomics-1a2b3c4d',
      }),
      costCenter: new CfnParameter(this, TEMPLATE_PARAMETERS.costCenter, {
        type: 'String',
        description: 'CostCenter cost-allocation tag',
        ...tagValue,
      }),
      billingAccount: new CfnParameter(this, TEMPLATE_PARAMETERS.billingAccount, {
        type: 'String',
        description: 'BillingAccount cost-allocation tag',
        ...tagValue,
      }),
      environment: new CfnParameter(this, TEMPLATE_PARAMETERS.environment, {
        type: 'String',
        description: 'Environment cost-allocation tag (the platform deployment, e.g. production)',
        ...tagValue,
      }),
      noncurrentVersionDays: new CfnParameter(this, TEMPLATE_PARAMETERS.noncurrentVersionDays, {
        type: 'Number',
        description: 'Days after which noncurrent object versions are deleted',
        default: BUCKET_LIFECYCLE.defaultNoncurrentVersionDays,
        minValue: 1,
      }),
      plan: new CfnParameter(this, TEMPLATE_PARAMETERS.plan, {
        type: 'String',
        description: "The customer's plan: its API key goes in that plan's usage plan (the rate limits)",
        allowedValues: [...PLAN_NAMES],
      }),
    };
    const customerId = this.parameters.customerId.valueAsString;

    const logBucket = s3.Bucket.fromBucketName(this, 'AccessLogBucket', Fn.importValue(props.accessLogBucketExportName));

    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: `${props.bucketPrefix}-${customerId}`,
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: `${customerId}${ACCESS_LOG_PREFIX_SUFFIX}`,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-worksets',
          prefix: BUCKET_LIFECYCLE.worksetsPrefix,
          expiration: Duration.days(BUCKET_LIFECYCLE.worksetsExpireAfterDays),
        },
        {
          id: 'results-to-infrequent-access',
          prefix: BUCKET_LIFECYCLE.resultsPrefix,
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(BUCKET_LIFECYCLE.resultsInfrequentAccessAfterDays),
            },
          ],
        },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(this.parameters.noncurrentVersionDays.valueAsNumber),
        },
        {
          id: 'abort-incomplete-multipart-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(BUCKET_LIFECYCLE.abortIncompleteUploadsAfterDays),
        },
      ],
      cors: [
        {
          allowedMethods: BUCKET_CORS_RULE.allowedMethods.map((method) => method as s3.HttpMethods),
          allowedOrigins: [...props.corsAllowOrigins],
          allowedHeaders: [...BUCKET_CORS_RULE.allowedHeaders],
          exposedHeaders: [...BUCKET_CORS_RULE.exposedHeaders],
          maxAge: BUCKET_CORS_RULE.maxAgeSeconds,
        },
      ],
    });
    // Object Created / Object Deleted events go to EventBridge, where the usage function counts
    // storage (DESIGN decision 5). Set on the CloudFormation resource itself: the L2
    // `eventBridgeEnabled` adds a custom-resource Lambda, which this asset-less template cannot carry.
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    // Offboarding deletes the stack but keeps the bucket: keep its TLS-only policy with it.
    this.bucket.policy?.applyRemovalPolicy(RemovalPolicy.RETAIN);
    Validations.of(this.bucket).acknowledge({
      id: '@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
      reason:
        'The log bucket is imported from the platform stack, whose bucket policy already lets logging.s3.amazonaws.com write objects for every <prefix>-* bucket of this account.',
    });

    const tags: Record<(typeof CUSTOMER_TAG_KEYS)[number], string> = {
      Customer: customerId,
      CostCenter: this.parameters.costCenter.valueAsString,
      BillingAccount: this.parameters.billingAccount.valueAsString,
      Environment: this.parameters.environment.valueAsString,
      ManagedBy: MANAGED_BY,
    };
    // Every taggable resource of the template (bucket, API key, budget), not only the bucket.
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);

    // Clients never send it: the customer authorizer derives the same value from the
    // customer id (shared/customers/template-contract.ts) and names it for members' requests.
    this.apiKey = new apigw.CfnApiKey(this, 'ApiKey', {
      name: `${CUSTOMER_STACK_PREFIX}${customerId}`,
      description: "Usage bucket of the customer's members on customer-scoped routes (never handed to clients)",
      enabled: true,
      value: Fn.join('', [API_KEY_VALUE_PREFIX, Fn.join(API_KEY_DASH, Fn.split('-', customerId))]),
    });
    this.usagePlanKey = new apigw.CfnUsagePlanKey(this, 'UsagePlanKey', {
      keyId: this.apiKey.ref,
      keyType: 'API_KEY',
      usagePlanId: Fn.importValue(Fn.join('', [props.usagePlanExportPrefix, this.parameters.plan.valueAsString])),
    });

    this.budgetParameters = {
      monthlyBudgetUsd: new CfnParameter(this, BUDGET_PARAMETERS.monthlyBudgetUsd, {
        type: 'Number',
        description: "Monthly cost budget in USD of the resources tagged with this customer's id; 0 creates no budget",
        default: 0,
        minValue: 0,
      }),
      billingEmail: new CfnParameter(this, BUDGET_PARAMETERS.billingEmail, {
        type: 'String',
        description: 'Where budget alerts go (required with a budget)',
        default: '',
        maxLength: 254,
        allowedPattern: '^$|^[^\\s@]+@[^\\s@]+$',
        constraintDescription: 'must be an email address',
      }),
    };
    this.hasBudget = new CfnCondition(this, 'HasMonthlyBudget', {
      expression: Fn.conditionNot(Fn.conditionEquals(this.budgetParameters.monthlyBudgetUsd.valueAsString, '0')),
    });
    const subscribers = [{ subscriptionType: 'EMAIL', address: this.budgetParameters.billingEmail.valueAsString }];
    this.budget = new budgets.CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: `${BUDGET_NAME_PREFIX}${customerId}`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: this.budgetParameters.monthlyBudgetUsd.valueAsNumber, unit: 'USD' },
        // Only costs of resources tagged Customer=<id>: the tag must be an active cost-allocation tag.
        costFilters: { TagKeyValue: [`${BUDGET_TAG_FILTER_PREFIX}${customerId}`] },
      },
      notificationsWithSubscribers: BUDGET_ALERTS.map((alert) => ({
        notification: {
          notificationType: alert.notificationType,
          comparisonOperator: 'GREATER_THAN',
          threshold: alert.thresholdPercent,
          thresholdType: 'PERCENTAGE',
        },
        subscribers,
      })),
    });
    this.budget.cfnOptions.condition = this.hasBudget;

    new CfnOutput(this, TEMPLATE_OUTPUTS.bucketName, { value: this.bucket.bucketName, description: 'Customer bucket name' });
    new CfnOutput(this, TEMPLATE_OUTPUTS.bucketArn, { value: this.bucket.bucketArn, description: 'Customer bucket ARN' });
  }
}
