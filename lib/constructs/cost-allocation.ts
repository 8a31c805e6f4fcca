import { Aws, CustomResource, Duration, Validations } from 'aws-cdk-lib';
import * as ce from 'aws-cdk-lib/aws-ce';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  COST_ALLOCATION_TAG_KEYS,
  COST_CATEGORY_DEFAULT_VALUE,
  COST_CATEGORY_TAG_KEY,
  TAG_ACTIVATION_PROPERTIES,
} from '#shared/billing/cost-allocation-tags.ts';
import { BUDGET_NAME_PREFIX } from '#shared/billing/customer-budget.ts';
import type { ServiceAction } from '#shared/permissions/actions.ts';
import { terminalDeadLetterQueue } from './event-delivery.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * What CloudFormation needs to create, read, update and delete a customer's
 * AWS::Budgets::Budget (its resource handlers), tags included: stack tags propagate to it.
 */
export const CUSTOMER_STACK_BUDGET_ACTIONS = [
  'budgets:ModifyBudget',
  'budgets:ViewBudget',
  'budgets:TagResource',
  'budgets:UntagResource',
  'budgets:ListTagsForResource',
] as const;

/** How long CloudFormation waits for the activation's answer before it fails the resource. */
export const TAG_ACTIVATION_TIMEOUT = Duration.minutes(5);

export interface CostAllocationProps {
  /**
   * Activate the cost-allocation tags on every deploy (custom resource).
   * @default true
   */
  readonly activateTags?: boolean;
  /**
   * Builds the activation function; it receives the dead-letter queue of its failed
   * asynchronous invocations (CloudFormation invokes custom resources asynchronously).
   */
  readonly activationFunction: (scope: Construct, id: string, deadLetterQueue: sqs.IQueue) => PorticoFunction;
  /**
   * Tag keys to activate.
   * @default COST_ALLOCATION_TAG_KEYS
   */
  readonly tagKeys?: readonly string[];
  /**
   * Value that changes on every synthesis, so CloudFormation sends the resource an Update
   * (and the activation runs) on every deploy: keys billing had not seen are tried again.
   * @default the synthesis time (ISO 8601)
   */
  readonly deployRun?: string;
  /**
   * Name of a Cost Category mapping each resource's `Customer` tag to a value.
   * @default - no Cost Category
   */
  readonly costCategoryName?: string;
  /** The role CloudFormation uses for customer stacks: it may manage their budgets. */
  readonly customerStackRole: iam.Role;
}

/**
 * Cost allocation as infrastructure: the custom resource that activates the
 * cost-allocation tags, the customer-stack role's grant on customer budgets, and the
 * optional Cost Category.
 */
export class CostAllocation extends Construct {
  readonly activationFunction?: PorticoFunction;
  readonly activationDeadLetterQueue?: sqs.Queue;
  readonly tagActivation?: CustomResource;
  readonly costCategory?: ce.CfnCostCategory;

  constructor(scope: Construct, id: string, props: CostAllocationProps) {
    super(scope, id);

    if (props.activateTags ?? true) {
      this.activationDeadLetterQueue = terminalDeadLetterQueue(this, 'TagActivationDeadLetterQueue', 'the cost-allocation tag activation function');
      this.activationFunction = props.activationFunction(this, 'TagActivationFunction', this.activationDeadLetterQueue);
      this.tagActivation = new CustomResource(this, 'TagActivation', {
        serviceToken: this.activationFunction.function.functionArn,
        resourceType: 'Custom::CostAllocationTags',
        serviceTimeout: TAG_ACTIVATION_TIMEOUT,
        properties: {
          [TAG_ACTIVATION_PROPERTIES.tagKeys]: [...(props.tagKeys ?? COST_ALLOCATION_TAG_KEYS)],
          [TAG_ACTIVATION_PROPERTIES.deployRun]: props.deployRun ?? new Date().toISOString(),
        },
      });
      // The function must hold its Cost Explorer grant before CloudFormation invokes it.
      this.tagActivation.node.addDependency(this.activationFunction);
    }

    props.customerStackRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...CUSTOMER_STACK_BUDGET_ACTIONS],
        resources: [`arn:${Aws.PARTITION}:budgets::${Aws.ACCOUNT_ID}:budget/${BUDGET_NAME_PREFIX}*`],
      }),
    );
    Validations.of(props.customerStackRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:budgets::<AWS::AccountId>:budget/${BUDGET_NAME_PREFIX}*]`,
      reason:
        'Customer budgets are created at run time, one per customer stack, named portico-customer-<customer_id> like the stack; the name prefix is the only part known at deploy time.',
    });

    if (props.costCategoryName) {
      this.costCategory = new ce.CfnCostCategory(this, 'CustomerCostCategory', {
        name: props.costCategoryName,
        ruleVersion: 'CostCategoryExpression.v1',
        // The value of a cost line is its resource's Customer tag; untagged cost is the shared platform.
        rules: JSON.stringify([{ Type: 'INHERITED_VALUE', InheritedValue: { DimensionName: 'TAG', DimensionKey: COST_CATEGORY_TAG_KEY } }]),
        defaultValue: COST_CATEGORY_DEFAULT_VALUE,
      });
    }
  }
}

/**
 * Cost Explorer actions a function declares (shared/permissions). Cost Explorer has no
 * resource-level permissions for them: the resource can only be `*`.
 */
export function grantCostExplorer(fn: PorticoFunction, actions: readonly ServiceAction[]): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...actions], resources: ['*'] }));
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: `Cost Explorer supports no resource-level permissions: ${actions.join(', ')} can only be granted on Resource "*" (the service authorization reference lists no resource type for it).`,
  });
}
