import type { Grants } from '../permissions/actions.ts';

/**
 * Functions that are not behind a route, with exactly what they may call.
 * The CDK stack grants exactly this; the local stack enforces it.
 */
export interface EventFunctionDefinition extends Grants {
  readonly id: string;
  /** Entry under `functions/`, without extension. */
  readonly handler: string;
  readonly summary: string;
  /** Run on a schedule (EventBridge Scheduler in AWS, a timer locally) every this many minutes. */
  readonly everyMinutes?: number;
  /** In AWS, run at these times instead (`cron(...)` fields: minute hour day-of-month month day-of-week year, UTC); the local timer keeps `everyMinutes`. */
  readonly cron?: { readonly minute: string; readonly hour: string; readonly day?: string };
  /** Why the local stack never runs it: it calls a service with no local engine (its tests mock that SDK client and assert the request). */
  readonly awsOnly?: string;
  /** Longer than the default timeout. */
  readonly timeoutSeconds?: number;
}

export const eventFunctions = {
  authorizer: {
    id: 'authorizer',
    handler: 'authorizer/index',
    summary: 'API Gateway TOKEN authorizer: verifies Cognito ID and access tokens',
    tables: {},
    // Access tokens carry no email: the authorizer reads it from the directory.
    actions: ['cognito-idp:AdminGetUser'],
  },
  customerAuthorizer: {
    id: 'authorizer.customer',
    handler: 'authorizer/customer',
    summary: 'API Gateway REQUEST authorizer of customer-scoped routes: verifies tokens as the TOKEN authorizer does, and names the API key (rate limit) the request counts against',
    // A customer's key counts only its members' requests, and only while its stack holds the key.
    tables: { memberships: ['GetItem'], customers: ['GetItem'] },
    actions: ['cognito-idp:AdminGetUser'],
  },
  stackStatus: {
    id: 'customers.stackStatus',
    handler: 'customers/stack-status',
    summary: 'Applies portico-customer-* stack status events to their customer (ACTIVE, PROVISION_FAILED, OFFBOARDED, the template version an update reached or why it failed)',
    tables: { customers: ['GetItem', 'UpdateItem'], usage: ['UpdateItem'], audit: ['PutItem'] },
    // After the failed stack of an earlier attempt is deleted, the next attempt's stack is created.
    actions: ['cloudformation:CreateStack'],
  },
  reconcileCustomers: {
    id: 'customers.reconcile',
    handler: 'customers/reconcile',
    summary:
      'Every few minutes, brings customers PROVISIONING or OFFBOARDING for too long in line with their real stack, and continues an unfinished template rollout (next batch, retries, updates whose events were lost)',
    tables: { customers: ['Query', 'GetItem', 'UpdateItem'], usage: ['UpdateItem'], audit: ['PutItem'] },
    actions: ['cloudformation:DescribeStacks', 'cloudformation:CreateStack', 'cloudformation:DeleteStack', 'cloudformation:UpdateStack'],
    everyMinutes: 5,
    timeoutSeconds: 60,
  },
  s3ObjectEvents: {
    id: 'usage.s3ObjectEvents',
    handler: 'usage/s3-object-events',
    summary:
      'Counts storage per customer from S3 Object Created / Object Deleted events, turns upload reservations into usage, and moves worksets by the sentinel files the runner writes',
    // A deleted version leaves a tombstone (PutItem), so no DeleteItem.
    tables: { usage: ['GetItem', 'PutItem', 'UpdateItem'], uploads: ['GetItem', 'UpdateItem'], worksets: ['GetItem', 'UpdateItem'] },
    actions: [],
  },
  reconcileWorksets: {
    id: 'worksets.reconcile',
    handler: 'worksets/reconcile',
    summary: 'Every few minutes, finishes or fails hand-overs to the runner that stopped part way, and releases slots nobody holds',
    tables: { worksets: ['Query', 'GetItem', 'UpdateItem'], usage: ['GetItem', 'UpdateItem'], customers: ['Query'] },
    actions: ['s3:GetObject'],
    everyMinutes: 5,
    timeoutSeconds: 60,
  },
  expireUploads: {
    id: 'uploads.expire',
    handler: 'uploads/expire',
    summary: 'Every few minutes, releases the storage reserved by uploads that were never finished, and aborts their multipart uploads',
    tables: { uploads: ['Query', 'UpdateItem'], usage: ['UpdateItem'] },
    actions: ['s3:AbortMultipartUpload'],
    everyMinutes: 15,
    timeoutSeconds: 60,
  },
  activateCostTags: {
    id: 'billing.activateCostTags',
    handler: 'cost-allocation/activate-tags',
    summary:
      'CloudFormation custom resource of the platform stack: activates the cost-allocation tags on every deploy (context portico:activateCostTags)',
    tables: {},
    actions: ['ce:UpdateCostAllocationTagsStatus'],
    timeoutSeconds: 30,
    awsOnly:
      'A CloudFormation custom resource run by cdk deploy, never by the local stack, and Cost Explorer has no local engine; test/unit/billing/activate-tags.test.ts runs the handler with the Cost Explorer client mocked and asserts the exact request.',
  },
  sampleStorage: {
    id: 'usage.sampleStorage',
    handler: 'usage/sample-storage',
    summary: "Once a day, adds every customer's stored bytes and objects to its month: storage GB-months for billing, and the figure the storage reconciliation compares",
    tables: { customers: ['Query'], usage: ['BatchGetItem', 'UpdateItem'] },
    actions: [],
    everyMinutes: 1440,
    // Just after CloudWatch's daily storage snapshot (midnight UTC), so the two figures are of the same moment.
    cron: { minute: '5', hour: '0' },
    timeoutSeconds: 900,
  },
  monthlyBillingExport: {
    id: 'billing.monthlyExport',
    handler: 'billing/monthly-export',
    summary: "On the 1st of each month, writes last month's billing export to the finance bucket as billing/YYYY-MM.csv",
    tables: { customers: ['Query'], usage: ['BatchGetItem'] },
    actions: [],
    buckets: { finance: ['s3:PutObject'] },
    everyMinutes: 1440,
    // After the last day's storage sample (00:05) is in.
    cron: { minute: '0', hour: '3', day: '1' },
    timeoutSeconds: 900,
  },
  reconcileStorage: {
    id: 'usage.reconcileStorage',
    handler: 'usage/reconcile-storage',
    summary: "Once a day, compares every customer bucket's S3 storage metrics (all storage types) with the counters' sample of the same day, records the drift and corrects the counters",
    tables: { customers: ['Query'], usage: ['Query', 'UpdateItem'] },
    actions: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricData'],
    everyMinutes: 1440,
    // S3 publishes a day's storage metrics during the next day.
    cron: { minute: '0', hour: '12' },
    timeoutSeconds: 900,
    awsOnly: 'CloudWatch has no local engine and s3rver publishes no storage metrics; test/integration/usage/storage-reconciliation.test.ts runs it against DynamoDB Local with the CloudWatch client mocked and asserts the exact requests.',
  },
} as const satisfies Record<string, EventFunctionDefinition>;
