import { Aws, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Capability } from '#shared/routes/types.ts';
import { nagText, type Provisioning } from './provisioning.ts';
import type { PorticoFunction } from './portico-function.ts';

/** Cognito admin calls a user-management handler needs; all on the platform user pool only. */
export const MANAGE_USERS_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
] as const;

/** Object actions for presigned uploads and downloads in customer buckets. */
export const CUSTOMER_BUCKET_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
] as const;

export interface CapabilityGrantsProps {
  readonly provisioning: Provisioning;
  readonly userPool: IUserPool;
  /** Customer bucket name prefix (literal, or `portico-${AWS::AccountId}`). */
  readonly bucketPrefix: string;
}

/**
 * Turns a route's declared capabilities into IAM statements (and environment).
 * Nothing else in the app grants these permissions.
 */
export class CapabilityGrants {
  constructor(private readonly props: CapabilityGrantsProps) {}

  grant(fn: PorticoFunction, capability: Capability): void {
    switch (capability) {
      case 'provision-customers':
        this.props.provisioning.grantProvisionCustomers(fn);
        return;
      case 'manage-users':
        fn.role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: [...MANAGE_USERS_ACTIONS], resources: [this.props.userPool.userPoolArn] }),
        );
        return;
      case 'customer-buckets': {
        const buckets = `arn:${Aws.PARTITION}:s3:::${this.props.bucketPrefix}-*`;
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [buckets] }));
        fn.role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: [...CUSTOMER_BUCKET_OBJECT_ACTIONS], resources: [`${buckets}/*`] }),
        );
        const reason =
          'Customer buckets are created at run time, one per customer, as <prefix>-<customer_id>; handlers reach any customer\'s bucket only after the tenant check, and the prefix is this deployment\'s own namespace.';
        const prefix = nagText(this.props.bucketPrefix);
        Validations.of(fn.role).acknowledge(
          { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${prefix}-*]`, reason },
          { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${prefix}-*/*]`, reason },
        );
        return;
      }
      default: {
        const unknown: never = capability;
        throw new Error(`No IAM mapping for capability ${String(unknown)}`);
      }
    }
  }
}
