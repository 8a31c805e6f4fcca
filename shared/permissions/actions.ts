import type { TableName } from '../tables/definitions.ts';

/**
 * The IAM actions Portico's functions may be granted, declared once. Routes
 * and event functions name exactly the actions their code calls; the CDK
 * stack grants exactly those (on the resources `lib/` scopes each service
 * to), and the local stack refuses any SDK call whose action is not granted.
 */

/** DynamoDB actions, granted per table (and its indexes). */
export const TABLE_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

/**
 * Actions on other services. Each service is scoped by `lib/`: Cognito to the
 * platform user pool, CloudFormation to `portico-customer-*` stacks, S3 to
 * customer buckets.
 */
export const SERVICE_ACTIONS = {
  'cognito-idp': [
    'AdminGetUser',
    'AdminCreateUser',
    'AdminEnableUser',
    'AdminDisableUser',
    'AdminUserGlobalSignOut',
    'AdminUpdateUserAttributes',
    'AdminDeleteUserAttributes',
    'AdminListGroupsForUser',
  ],
  cloudformation: ['CreateStack', 'UpdateStack', 'DeleteStack', 'DescribeStacks'],
  cloudwatch: ['ListMetrics', 'GetMetricData'],
  sqs: ['GetQueueAttributes'],
  s3: ['PutObject', 'GetObject', 'GetObjectVersion', 'DeleteObject', 'DeleteObjectVersion', 'AbortMultipartUpload', 'ListBucket'],
  // Activating cost-allocation tags (a deploy-time custom resource); Cost Explorer has no resource-level scope.
  ce: ['UpdateCostAllocationTagsStatus'],
} as const;

export type ServiceName = keyof typeof SERVICE_ACTIONS;
export type ServiceAction = { [S in ServiceName]: `${S}:${(typeof SERVICE_ACTIONS)[S][number]}` }[ServiceName];

/**
 * The platform's own buckets (not customers'), granted per bucket as tables
 * are; a function learns a bucket's name from its environment variable.
 */
export const PLATFORM_BUCKETS = {
  finance: { envVar: 'FINANCE_BUCKET', description: 'Billing exports for finance: versioned, encrypted, kept for years.' },
} as const;
export type PlatformBucket = keyof typeof PLATFORM_BUCKETS;
export const BUCKET_ACTIONS = ['s3:PutObject', 's3:GetObject'] as const;
export type BucketAction = (typeof BUCKET_ACTIONS)[number];

/** Everything one function may do. */
export interface Grants {
  readonly tables: Partial<Record<TableName, readonly TableAction[]>>;
  readonly actions: readonly ServiceAction[];
  /** Objects of the platform's own buckets; customer buckets are reached through `s3:` actions instead. */
  readonly buckets?: Partial<Record<PlatformBucket, readonly BucketAction[]>>;
}

export function serviceOf(action: ServiceAction): ServiceName {
  return action.slice(0, action.indexOf(':')) as ServiceName;
}

/** Both grant sets together, each action once, in a stable order. */
export function mergeGrants(a: Grants, b: Grants): Grants {
  const tables: Partial<Record<TableName, readonly TableAction[]>> = { ...a.tables };
  for (const [table, actions] of Object.entries(b.tables) as [TableName, readonly TableAction[]][]) {
    const merged = new Set([...(tables[table] ?? []), ...actions]);
    tables[table] = TABLE_ACTIONS.filter((action) => merged.has(action));
  }
  const buckets: Partial<Record<PlatformBucket, readonly BucketAction[]>> = { ...a.buckets };
  for (const [bucket, actions] of Object.entries(b.buckets ?? {}) as [PlatformBucket, readonly BucketAction[]][]) {
    const merged = new Set([...(buckets[bucket] ?? []), ...actions]);
    buckets[bucket] = BUCKET_ACTIONS.filter((action) => merged.has(action));
  }
  return { tables, actions: [...new Set([...a.actions, ...b.actions])].sort(), ...(Object.keys(buckets).length > 0 ? { buckets } : {}) };
}
