import { describe, expect, it } from 'vitest';
import { iamUses } from '#local/iam-actions.ts';
import { checkUses, LocalAccessDenied, type FunctionGrants, type GrantScopes } from '#local/permissions.ts';

const scopes: GrantScopes = {
  logicalTableName: (physical) => (physical.startsWith('portico-local-') ? (physical.slice('portico-local-'.length) as never) : undefined),
  bucketPrefix: 'portico-local',
  stackNamePrefix: 'portico-customer-',
  userPoolId: 'pool-1',
  platformBuckets: { finance: 'portico-local-finance' },
};
const grants: FunctionGrants = {
  id: 'memberships.remove',
  tables: { customers: ['GetItem'], memberships: ['Query', 'DeleteItem'], audit: ['PutItem'] },
  actions: ['cognito-idp:AdminDisableUser', 's3:PutObject', 'cloudformation:DescribeStacks'],
};

describe('iamUses: what IAM authorizes for an SDK call', () => {
  it('names the DynamoDB action of single-table commands', () => {
    expect(iamUses('dynamodb', 'GetItemCommand', { TableName: 't' })).toEqual([{ kind: 'table', table: 't', action: 'GetItem' }]);
    expect(iamUses('dynamodb', 'UpdateItemCommand', { TableName: 't' })).toEqual([{ kind: 'table', table: 't', action: 'UpdateItem' }]);
  });

  it('authorizes each item of a transaction as its own action, a condition check as ConditionCheckItem', () => {
    expect(
      iamUses('dynamodb', 'TransactWriteItemsCommand', {
        TransactItems: [{ Put: { TableName: 'a' } }, { ConditionCheck: { TableName: 'b' } }, { Delete: { TableName: 'a' } }],
      }),
    ).toEqual([
      { kind: 'table', table: 'a', action: 'PutItem' },
      { kind: 'table', table: 'b', action: 'ConditionCheckItem' },
      { kind: 'table', table: 'a', action: 'DeleteItem' },
    ]);
  });

  it('maps S3 operations to the action S3 checks: multipart steps are s3:PutObject, HeadObject is s3:GetObject', () => {
    for (const operation of ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload']) {
      expect(iamUses('s3', `${operation}Command`, { Bucket: 'b', Key: 'k' })).toEqual([{ kind: 'service', action: 's3:PutObject', resource: 'b/k' }]);
    }
    expect(iamUses('s3', 'HeadObjectCommand', { Bucket: 'b', Key: 'k' })[0]?.action).toBe('s3:GetObject');
    expect(iamUses('s3', 'DeleteObjectCommand', { Bucket: 'b', Key: 'k' })[0]?.action).toBe('s3:DeleteObject');
    expect(iamUses('s3', 'DeleteObjectCommand', { Bucket: 'b', Key: 'k', VersionId: 'v1' })[0]?.action).toBe('s3:DeleteObjectVersion');
    // Reading one version is authorized as s3:GetObjectVersion; s3:GetObject alone is denied by S3.
    expect(iamUses('s3', 'HeadObjectCommand', { Bucket: 'b', Key: 'k', VersionId: 'v1' })[0]?.action).toBe('s3:GetObjectVersion');
    expect(iamUses('s3', 'GetObjectCommand', { Bucket: 'b', Key: 'k', VersionId: 'v1' })[0]?.action).toBe('s3:GetObjectVersion');
  });

  it('names Cognito and CloudFormation actions after their operation, with the pool or stack they touch', () => {
    expect(iamUses('cognito-idp', 'AdminDeleteUserAttributesCommand', { UserPoolId: 'pool-1' })).toEqual([
      { kind: 'service', action: 'cognito-idp:AdminDeleteUserAttributes', resource: 'pool-1' },
    ]);
    expect(iamUses('cloudformation', 'CreateStackCommand', { StackName: 'portico-customer-x' })).toEqual([
      { kind: 'service', action: 'cloudformation:CreateStack', resource: 'portico-customer-x' },
    ]);
  });
});

describe('checkUses: the local stand-in for IAM', () => {
  it('allows exactly what is granted', () => {
    expect(() =>
      checkUses(
        grants,
        [
          ...iamUses('dynamodb', 'GetItemCommand', { TableName: 'portico-local-customers' }),
          ...iamUses('dynamodb', 'TransactWriteItemsCommand', { TransactItems: [{ Delete: { TableName: 'portico-local-memberships' } }] }),
          ...iamUses('cognito-idp', 'AdminDisableUserCommand', { UserPoolId: 'pool-1' }),
          ...iamUses('s3', 'UploadPartCommand', { Bucket: 'portico-local-acme-1a2b3c4d', Key: 'uploads/x' }),
        ],
        scopes,
      ),
    ).not.toThrow();
  });

  it('refuses an action the function lacks on a table it has (a write to a read-only table, an update of the audit trail)', () => {
    expect(() => checkUses(grants, iamUses('dynamodb', 'UpdateItemCommand', { TableName: 'portico-local-customers' }), scopes)).toThrow(
      "function 'memberships.remove' is not allowed to call dynamodb:UpdateItem on table 'customers'",
    );
    expect(() => checkUses(grants, iamUses('dynamodb', 'UpdateItemCommand', { TableName: 'portico-local-audit' }), scopes)).toThrow(LocalAccessDenied);
  });

  it('refuses a missing Cognito action even though the function has other Cognito actions', () => {
    // The defect this check exists for: removing a last membership calls AdminDeleteUserAttributes.
    expect(() => checkUses(grants, iamUses('cognito-idp', 'AdminDeleteUserAttributesCommand', { UserPoolId: 'pool-1' }), scopes)).toThrow(
      "function 'memberships.remove' is not allowed to call cognito-idp:AdminDeleteUserAttributes on pool-1",
    );
  });

  it('refuses a granted action on a resource outside its scope', () => {
    expect(() => checkUses(grants, iamUses('s3', 'PutObjectCommand', { Bucket: 'someone-elses-bucket', Key: 'k' }), scopes)).toThrow(
      'outside what its grant covers',
    );
    expect(() => checkUses(grants, iamUses('cloudformation', 'DescribeStacksCommand', { StackName: 'Portico' }), scopes)).toThrow(LocalAccessDenied);
    expect(() => checkUses(grants, iamUses('cognito-idp', 'AdminDisableUserCommand', { UserPoolId: 'pool-2' }), scopes)).toThrow(LocalAccessDenied);
  });

  it('refuses an S3 operation nobody mapped to an IAM action, so a new call cannot slip through', () => {
    expect(() => checkUses(grants, iamUses('s3', 'PutBucketPolicyCommand', { Bucket: 'portico-local-x' }), scopes)).toThrow(LocalAccessDenied);
  });
});
