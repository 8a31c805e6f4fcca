import { Aws, CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { platformApiKeyValue } from '#shared/auth/usage-identifier.ts';
import { PLAN_NAMES, QUOTAS, type PlanName } from '#shared/quotas/declarations.ts';
import { pascalCase } from './naming.ts';

export interface UsagePlansProps {
  /** The API whose stage the plans throttle. */
  readonly restApi: apigw.RestApi;
  /** Each plan's usage plan id is exported as `<exportPrefix><plan>`, for customer stacks to import. */
  readonly exportPrefix: string;
}

/**
 * The API Gateway side of per-customer rate limits: one usage plan per plan,
 * throttled with the plan's declared `requests_per_second` and `burst`, whose id is
 * exported for customer stacks to put their API key in (lib/customer-template), and the platform
 * usage plan with the platform key, which the authorizer names for platform admins
 * and for requests no customer's key takes (shared/auth/usage-identifier.ts).
 *
 * The platform plan sets no throttle of its own: its requests are governed by the
 * stage's default throttle, like every route that needs no key. No plan sets a quota:
 * usage plans are applied "on a best-effort basis" ("Usage plans and API keys for REST
 * APIs in API Gateway"), so the hard limits are the DynamoDB quotas.
 */
export class UsagePlans extends Construct {
  readonly plans: Readonly<Record<PlanName, apigw.UsagePlan>>;
  readonly platformPlan: apigw.UsagePlan;
  readonly platformKey: apigw.ApiKey;

  constructor(scope: Construct, id: string, props: UsagePlansProps) {
    super(scope, id);
    const apiStages = [{ api: props.restApi, stage: props.restApi.deploymentStage }];
    this.plans = Object.fromEntries(
      PLAN_NAMES.map((plan) => [
        plan,
        new apigw.UsagePlan(this, pascalCase(plan), {
          description: `Portico '${plan}' plan: the rate limits of its customers' requests on customer-scoped routes`,
          apiStages,
          throttle: { rateLimit: QUOTAS.requests_per_second.plans[plan], burstLimit: QUOTAS.burst.plans[plan] },
        }),
      ]),
    ) as Record<PlanName, apigw.UsagePlan>;
    // Exported rather than given to the provisioning functions: a route function cannot
    // depend on a usage plan, which depends on the stage, which depends on every method
    // and so on the route functions. An export also cannot be removed while a customer
    // stack imports it.
    for (const plan of PLAN_NAMES) {
      new CfnOutput(this, `${pascalCase(plan)}UsagePlanId`, {
        value: this.plans[plan].usagePlanId,
        description: `Usage plan of the '${plan}' plan (imported by customer stacks)`,
        exportName: `${props.exportPrefix}${plan}`,
      });
    }

    this.platformPlan = new apigw.UsagePlan(this, 'Platform', {
      description: "Portico platform key: platform admins and requests no customer's key takes; only the stage throttle applies",
      apiStages,
    });
    this.platformKey = new apigw.ApiKey(this, 'PlatformKey', {
      description: "Usage bucket of requests on customer-scoped routes that count against no customer's rate limit",
      value: platformApiKeyValue(props.restApi.restApiId),
    });
    this.platformPlan.addApiKey(this.platformKey);
  }

  /**
   * What CloudFormation needs to create, move and delete a customer's API key with its
   * stack: create keys and read, update or delete them (their ids are assigned at
   * creation), put keys in and take them out of the four plan usage plans only, and tag
   * them with the stack's cost-allocation tags.
   */
  grantCustomerKeys(role: iam.Role): void {
    const arn = (path: string) => `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::${path}`;
    const planIds = PLAN_NAMES.map((plan) => this.plans[plan].usagePlanId);
    const statements = [
      new iam.PolicyStatement({ actions: ['apigateway:POST'], resources: [arn('/apikeys')] }),
      new iam.PolicyStatement({ actions: ['apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'], resources: [arn('/apikeys/*')] }),
      new iam.PolicyStatement({ actions: ['apigateway:POST'], resources: planIds.map((id) => arn(`/usageplans/${id}/keys`)) }),
      new iam.PolicyStatement({ actions: ['apigateway:GET', 'apigateway:DELETE'], resources: planIds.map((id) => arn(`/usageplans/${id}/keys/*`)) }),
      new iam.PolicyStatement({ actions: ['apigateway:PUT', 'apigateway:DELETE'], resources: [arn('/tags/*')] }),
    ];
    for (const statement of statements) role.addToPolicy(statement);
    const stack = Stack.of(this);
    const planKeys = PLAN_NAMES.map((plan) => `<${stack.resolve(stack.getLogicalId(this.plans[plan].node.defaultChild as apigw.CfnUsagePlan))}>`);
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/apikeys/*]',
        reason:
          "Customer API keys are created by customer stacks at run time, one per customer, and API Gateway assigns their ids; CloudFormation reads, updates and deletes the stack's own key through this.",
      },
      ...planKeys.map((plan) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/usageplans/${plan}/keys/*]`,
        reason:
          "The key ids of a plan usage plan are the ids of customer API keys created at run time; the statement is limited to this deployment's four plan usage plans.",
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/tags/*]',
        reason:
          "CloudFormation tags each customer API key with the stack's cost-allocation tags; the tag resource names a key whose id is assigned at creation. Only tagging and untagging are allowed.",
      },
    );
  }
}
