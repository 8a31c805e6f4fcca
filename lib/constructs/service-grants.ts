import { Aws, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { serviceOf, type ServiceAction, type ServiceName } from '#shared/permissions/actions.ts';
import { grantCostExplorer } from './cost-allocation.ts';
import { nagText, type Provisioning } from './provisioning.ts';
import type { PorticoFunction } from './portico-function.ts';

export interface ServiceGrantsProps {
  readonly provisioning: Provisioning;
  readonly userPool: IUserPool;
  /** Customer bucket name prefix (literal, or `portico-${AWS::AccountId}`). */
  readonly bucketPrefix: string;
  /** The platform's dead-letter queues, the only queues functions may read the attributes of. */
  readonly deadLetterQueues: () => readonly sqs.IQueue[];
  /** The platform's own buckets: their names may fall under the customer-bucket pattern, so it is denied them. */
  readonly platformBuckets: () => readonly s3.IBucket[];
}

/** S3 actions that apply to a bucket rather than its objects. */
const BUCKET_LEVEL_S3_ACTIONS = new Set<ServiceAction>(['s3:ListBucket']);

/**
 * Turns the service actions a function declares (shared/permissions) into IAM
 * statements, each service scoped to Portico's own resources: Cognito to the
 * platform user pool, CloudFormation to `portico-customer-*` stacks, S3 to
 * customer buckets; Cost Explorer has no resource scope (`*`). Nothing else in the app
 * grants these services.
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
        case 'ce':
          grantCostExplorer(fn, serviceActions);
          break;
        case 'cloudwatch':
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: serviceActions, resources: ['*'] }));
          Validations.of(fn.role).acknowledge({
            id: 'AwsSolutions-IAM5[Resource::*]',
            reason: `CloudWatch supports no resource-level permissions for ${serviceActions.join(', ')}: they can only be granted on Resource "*"; they only read metrics.`,
          });
          break;
        case 'sqs':
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: serviceActions, resources: this.props.deadLetterQueues().map((q) => q.queueArn) }));
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
    // `<prefix>-*` could match a platform bucket's generated name (a literal prefix such as `portico`): an explicit deny keeps them out.
    const platformBuckets = this.props.platformBuckets();
    if (platformBuckets.length > 0) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'NoPlatformBucketsThroughCustomerGrants',
          effect: iam.Effect.DENY,
          actions: ['s3:*'],
          resources: platformBuckets.flatMap((bucket) => [bucket.bucketArn, bucket.arnForObjects('*')]),
        }),
      );
    }
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
