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
    summary: 'Applies portico-customer-* stack status events to their customer (ACTIVE, PROVISION_FAILED, OFFBOARDED)',
    tables: { customers: ['GetItem', 'UpdateItem'], usage: ['UpdateItem'], audit: ['PutItem'] },
    // After the failed stack of an earlier attempt is deleted, the next attempt's stack is created.
    actions: ['cloudformation:CreateStack'],
  },
  reconcileCustomers: {
    id: 'customers.reconcile',
    handler: 'customers/reconcile',
    summary: 'Every few minutes, brings customers PROVISIONING or OFFBOARDING for too long in line with their real stack',
    tables: { customers: ['Query', 'GetItem', 'UpdateItem'], usage: ['UpdateItem'], audit: ['PutItem'] },
    actions: ['cloudformation:DescribeStacks', 'cloudformation:CreateStack', 'cloudformation:DeleteStack'],
    everyMinutes: 5,
    timeoutSeconds: 60,
  },
  s3ObjectEvents: {
    id: 'usage.s3ObjectEvents',
    handler: 'usage/s3-object-events',
    summary:
      'Counts storage per customer from S3 Object Created / Object Deleted events, turns upload reservations into usage, and moves worksets by the sentinel files the runner writes',
    tables: { usage: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], uploads: ['GetItem', 'UpdateItem'], worksets: ['GetItem', 'UpdateItem'] },
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
} as const satisfies Record<string, EventFunctionDefinition>;
