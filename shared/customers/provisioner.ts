import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type Parameter,
  type Tag,
} from '@aws-sdk/client-cloudformation';
import { cloudFormation } from '../clients/cloudformation.ts';
import { ENV } from '../config/env-vars.ts';
import { intEnv, requireEnv } from '../config/runtime.ts';
import type { CustomerItem } from './customer.ts';
import { BUCKET_LIFECYCLE, MANAGED_BY, TEMPLATE_PARAMETERS } from './template-contract.ts';

/**
 * Creates, updates and deletes `portico-customer-<id>` stacks from the
 * synthesized customer template. Every call carries a client request token,
 * so a retried call is the same operation, and the status event it produces
 * names that token.
 */
interface ProvisionerSettings {
  readonly templateUrl: string;
  readonly roleArn: string;
  readonly environment: string;
  readonly noncurrentVersionDays: number;
}

let cached: ProvisionerSettings | undefined;

/** Read on first use: only functions with the provision-customers capability have these variables. */
function settings(): ProvisionerSettings {
  cached ??= {
    templateUrl: requireEnv(ENV.customerTemplateUrl),
    roleArn: requireEnv(ENV.customerStackRoleArn),
    environment: requireEnv(ENV.environment),
    noncurrentVersionDays: intEnv(ENV.noncurrentVersionDays, BUCKET_LIFECYCLE.defaultNoncurrentVersionDays),
  };
  return cached;
}

export function stackParameters(customer: CustomerItem): Parameter[] {
  const values: Record<string, string> = {
    [TEMPLATE_PARAMETERS.customerId]: customer.customer_id,
    [TEMPLATE_PARAMETERS.costCenter]: customer.cost_center,
    [TEMPLATE_PARAMETERS.billingAccount]: customer.billing_account_id,
    [TEMPLATE_PARAMETERS.environment]: settings().environment,
    [TEMPLATE_PARAMETERS.noncurrentVersionDays]: String(settings().noncurrentVersionDays),
  };
  return Object.entries(values).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
}

/** Stack tags: CloudFormation copies them onto every resource of the stack. */
export function stackTags(customer: CustomerItem): Tag[] {
  const values: Record<string, string> = {
    Customer: customer.customer_id,
    CostCenter: customer.cost_center,
    BillingAccount: customer.billing_account_id,
    Environment: settings().environment,
    ManagedBy: MANAGED_BY,
  };
  return Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
}

export function createToken(customer: Pick<CustomerItem, 'customer_id' | 'provision_attempt'>): string {
  return `create-${customer.customer_id}-${customer.provision_attempt}`;
}

export function operationToken(kind: 'update' | 'delete', customerId: string, now: Date): string {
  return `${kind}-${customerId}-${now.getTime()}`;
}

export async function createCustomerStack(customer: CustomerItem, token: string): Promise<void> {
  await cloudFormation.send(
    new CreateStackCommand({
      StackName: customer.stack_name,
      TemplateURL: settings().templateUrl,
      Parameters: stackParameters(customer),
      Tags: stackTags(customer),
      RoleARN: settings().roleArn,
      ClientRequestToken: token,
      // A failed stack is removed so a retry can create it again; the bucket
      // has DeletionPolicy Retain, so no data can be lost by this.
      OnFailure: 'DELETE',
    }),
  );
}

/** Re-applies parameters and tags (billing fields changed) with the stack's current template. */
export async function updateCustomerStack(customer: CustomerItem, token: string): Promise<'updating' | 'unchanged'> {
  try {
    await cloudFormation.send(
      new UpdateStackCommand({
        StackName: customer.stack_name,
        UsePreviousTemplate: true,
        Parameters: stackParameters(customer),
        Tags: stackTags(customer),
        RoleARN: settings().roleArn,
        ClientRequestToken: token,
      }),
    );
    return 'updating';
  } catch (error) {
    if ((error as Error).message?.includes('No updates are to be performed')) return 'unchanged';
    throw error;
  }
}

/** Deletes the stack (its bucket is retained). Answers `absent` if there is no stack to delete. */
export async function deleteCustomerStack(customer: CustomerItem, token: string): Promise<'deleting' | 'absent'> {
  if (!(await stackExists(customer.stack_name))) return 'absent';
  await cloudFormation.send(
    new DeleteStackCommand({ StackName: customer.stack_name, RoleARN: settings().roleArn, ClientRequestToken: token }),
  );
  return 'deleting';
}

async function stackExists(stackName: string): Promise<boolean> {
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    return (Stacks ?? []).some((stack) => stack.StackStatus !== 'DELETE_COMPLETE');
  } catch (error) {
    if ((error as Error).message?.includes('does not exist')) return false;
    throw error;
  }
}
