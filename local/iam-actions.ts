import type { TableAction } from '#shared/permissions/actions.ts';

/**
 * What IAM authorizes for one SDK call, as AWS documents it: the action, and
 * the table or resource it applies to. A command without a mapping here is
 * refused by the local permission check, so a new call cannot slip past it.
 */
export type IamUse =
  | { readonly kind: 'table'; readonly table: string; readonly action: TableAction | 'BatchWriteItem' | 'Scan' | 'DescribeTable' }
  | { readonly kind: 'service'; readonly action: string; readonly resource?: string };

export type SdkService = 'dynamodb' | 's3' | 'cloudformation' | 'cognito-idp';

interface Input {
  readonly TableName?: unknown;
  readonly RequestItems?: Record<string, unknown>;
  readonly TransactItems?: readonly Record<string, { readonly TableName: string }>[];
  readonly Bucket?: unknown;
  readonly Key?: unknown;
  readonly VersionId?: unknown;
  readonly StackName?: unknown;
  readonly UserPoolId?: unknown;
}

/** S3 operations whose IAM action is not their own name (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html). */
const S3_ACTIONS: Record<string, string> = {
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  ListParts: 's3:ListMultipartUploadParts',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  DeleteObject: 's3:DeleteObject',
  ListObjectsV2: 's3:ListBucket',
  HeadBucket: 's3:ListBucket',
};

/**
 * The same operations on one object version (a `VersionId` in the request):
 * S3 authorizes them as the `...Version` actions, and `s3:GetObject` alone is
 * not enough (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).
 */
const VERSIONED_S3_ACTIONS: Record<string, string> = {
  GetObject: 's3:GetObjectVersion',
  HeadObject: 's3:GetObjectVersion',
  DeleteObject: 's3:DeleteObjectVersion',
};

const TRANSACT_ACTIONS: Record<string, TableAction> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

/** `GetItemCommand` → `GetItem`. */
const operationOf = (commandName: string) => commandName.replace(/Command$/, '');

export function iamUses(service: SdkService, commandName: string, input: Input): IamUse[] {
  const operation = operationOf(commandName);
  switch (service) {
    case 'dynamodb':
      return tableUses(operation, input);
    case 's3': {
      const action = input.VersionId ? VERSIONED_S3_ACTIONS[operation] : S3_ACTIONS[operation];
      if (!action) return [{ kind: 'service', action: `s3:<no mapping for ${operation}>` }];
      const resource = typeof input.Key === 'string' ? `${String(input.Bucket)}/${input.Key}` : String(input.Bucket);
      return [{ kind: 'service', action, resource }];
    }
    case 'cloudformation':
      return [{ kind: 'service', action: `cloudformation:${operation}`, ...(typeof input.StackName === 'string' ? { resource: input.StackName } : {}) }];
    case 'cognito-idp':
      return [{ kind: 'service', action: `cognito-idp:${operation}`, ...(typeof input.UserPoolId === 'string' ? { resource: input.UserPoolId } : {}) }];
  }
}

function tableUses(operation: string, input: Input): IamUse[] {
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    return (input.TransactItems ?? []).flatMap((item) =>
      Object.entries(item).map(([kind, op]): IamUse => ({ kind: 'table', table: op.TableName, action: TRANSACT_ACTIONS[kind] ?? 'PutItem' })),
    );
  }
  if (input.RequestItems) {
    const action = operation === 'BatchGetItem' ? 'BatchGetItem' : 'BatchWriteItem';
    return Object.keys(input.RequestItems).map((table) => ({ kind: 'table', table, action }));
  }
  if (typeof input.TableName === 'string') return [{ kind: 'table', table: input.TableName, action: operation as TableAction }];
  return [];
}
