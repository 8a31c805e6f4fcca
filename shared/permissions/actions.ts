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
  s3: ['PutObject', 'GetObject', 'GetObjectVersion', 'DeleteObject', 'DeleteObjectVersion', 'AbortMultipartUpload', 'ListBucket'],
} as const;

export type ServiceName = keyof typeof SERVICE_ACTIONS;
export type ServiceAction = { [S in ServiceName]: `${S}:${(typeof SERVICE_ACTIONS)[S][number]}` }[ServiceName];

/** Everything one function may do. */
export interface Grants {
  readonly tables: Partial<Record<TableName, readonly TableAction[]>>;
  readonly actions: readonly ServiceAction[];
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
  return { tables, actions: [...new Set([...a.actions, ...b.actions])].sort() };
}
