import { Aws, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { serviceOf, type ServiceAction, type ServiceName } from '#shared/permissions/actions.ts';
import { nagText, type Provisioning } from './provisioning.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface ServiceGrantsProps {
  readonly provisioning: Provisioning;
  readonly userPool: IUserPool;
  /** Customer bucket name prefix (literal, or `portico-${AWS::AccountId}`). */
  readonly bucketPrefix: string;
}

/** S3 actions that apply to a bucket rather than its objects. */
const BUCKET_LEVEL_S3_ACTIONS = new Set<ServiceAction>(['s3:ListBucket']);

/**
 * Turns the service actions a function declares (shared/permissions) into IAM
 * statements, each service scoped to Portico's own resources: Cognito to the
 * platform user pool, CloudFormation to `portico-customer-*` stacks, S3 to
 * customer buckets. Nothing else in the app grants these services.
 */
export class ServiceGrants {
  constructor(private readonly props: ServiceGrantsProps) {}

  grant(fn: PorticoFunction, actions: readonly ServiceAction[]): void {
    const byService = new Map<ServiceName, ServiceAction[]>();
    for (const action of actions) byService.set(serviceOf(action), [...(byService.get(serviceOf(action)) ?? []), action]);
    for (const [service, serviceActions] of byService) {
      switch (service) {
        case 'cognito-idp':
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: serviceActions, resources: [this.props.userPool.userPoolArn] }));
          break;
        case 'cloudformation':
          this.props.provisioning.grantCustomerStacks(fn, serviceActions);
          break;
        case 's3':
          this.grantCustomerBuckets(fn, serviceActions);
          break;
        default: {
          const unknown: never = service;
          throw new Error(`No IAM scope for service ${String(unknown)}`);
        }
      }
    }
  }

  private grantCustomerBuckets(fn: PorticoFunction, actions: readonly ServiceAction[]): void {
    const buckets = `arn:${Aws.PARTITION}:s3:::${this.props.bucketPrefix}-*`;
    const bucketActions = actions.filter((a) => BUCKET_LEVEL_S3_ACTIONS.has(a));
    const objectActions = actions.filter((a) => !BUCKET_LEVEL_S3_ACTIONS.has(a));
    const reason =
      "Customer buckets are created at run time, one per customer, as <prefix>-<customer_id>; handlers reach any customer's bucket only after the tenant check, and the prefix is this deployment's own namespace.";
    const prefix = nagText(this.props.bucketPrefix);
    if (bucketActions.length > 0) {
      fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: bucketActions, resources: [buckets] }));
      Validations.of(fn.role).acknowledge({ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${prefix}-*]`, reason });
    }
    if (objectActions.length > 0) {
      fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: objectActions, resources: [`${buckets}/*`] }));
      Validations.of(fn.role).acknowledge({ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${prefix}-*/*]`, reason });
    }
  }
}
