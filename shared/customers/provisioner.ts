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
import { budgetParameters } from '../billing/customer-budget.ts';
import type { CustomerItem } from './customer.ts';
import type { StackState } from './reconcile-rule.ts';
import { BUCKET_LIFECYCLE, MANAGED_BY, TEMPLATE_PARAMETERS } from './template-contract.ts';

/**
 * Creates, updates and deletes `portico-customer-<id>` stacks from the
 * synthesized customer template. Every call carries a client request token,
 * so a retried call is the same operation, and the status event it produces
 * names that token.
 */
interface ProvisionerSettings {
  readonly roleArn: string;
  readonly environment: string;
  readonly noncurrentVersionDays: number;
}

/**
 * Each setting is read on first use: a function has only the variables of the stack
 * calls it is granted (lib/constructs/provisioning.ts), so one that only deletes
 * stacks never asks for the template URL.
 */
const READERS: { readonly [K in keyof ProvisionerSettings]: () => ProvisionerSettings[K] } = {
  roleArn: () => requireEnv(ENV.customerStackRoleArn),
  environment: () => requireEnv(ENV.environment),
  noncurrentVersionDays: () => intEnv(ENV.noncurrentVersionDays, BUCKET_LIFECYCLE.defaultNoncurrentVersionDays),
};

const cached: Partial<ProvisionerSettings> = {};

/**
 * The customer template in force: its URL and its version (the asset's hash). Read on
 * every call rather than cached: in AWS a new template is a deployment (new containers),
 * and locally a test hook switches it in the running process.
 */
export function currentTemplate(): { readonly url: string; readonly version: string } {
  return { url: requireEnv(ENV.customerTemplateUrl), version: requireEnv(ENV.customerTemplateVersion) };
}

function setting<K extends keyof ProvisionerSettings>(name: K): ProvisionerSettings[K] {
  return (cached[name] ??= READERS[name]());
}

/**
 * The template parameters for the customer as it is now. With `Plan`, the template
 * puts the customer's API key in that plan's usage plan: an UpdateStack with these
 * parameters after a plan change moves the key to the new plan's rate and burst. A customer
 * with a monthly budget adds its budget parameters (none otherwise: the template's defaults
 * mean no budget).
 */
export function stackParameters(customer: CustomerItem): Parameter[] {
  const values: Record<string, string> = {
    [TEMPLATE_PARAMETERS.customerId]: customer.customer_id,
    [TEMPLATE_PARAMETERS.costCenter]: customer.cost_center,
    [TEMPLATE_PARAMETERS.billingAccount]: customer.billing_account_id,
    [TEMPLATE_PARAMETERS.environment]: setting('environment'),
    [TEMPLATE_PARAMETERS.noncurrentVersionDays]: String(setting('noncurrentVersionDays')),
    [TEMPLATE_PARAMETERS.plan]: customer.plan,
  };
  return [...Object.entries(values).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })), ...budgetParameters(customer)];
}

/** Stack tags: CloudFormation copies them onto every resource of the stack. */
export function stackTags(customer: CustomerItem): Tag[] {
  const values: Record<string, string> = {
    Customer: customer.customer_id,
    CostCenter: customer.cost_center,
    BillingAccount: customer.billing_account_id,
    Environment: setting('environment'),
    ManagedBy: MANAGED_BY,
  };
  return Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
}

export function createToken(customer: Pick<CustomerItem, 'customer_id' | 'provision_attempt'>): string {
  return `create-${customer.customer_id}-${customer.provision_attempt}`;
}

/** Deleting the failed stack of the attempt before `attempt`, as the first step of `attempt`. */
export function cleanupToken(customerId: string, attempt: number): string {
  return `cleanup-${customerId}-${attempt}`;
}

export function operationToken(kind: 'update' | 'delete', customerId: string, now: Date): string {
  return `${kind}-${customerId}-${now.getTime()}`;
}

/** `templateUrl`: the template in force (the caller records its version first). */
export async function createCustomerStack(customer: CustomerItem, token: string, templateUrl = currentTemplate().url): Promise<void> {
  await cloudFormation.send(
    new CreateStackCommand({
      StackName: customer.stack_name,
      TemplateURL: templateUrl,
      Parameters: stackParameters(customer),
      Tags: stackTags(customer),
      RoleARN: setting('roleArn'),
      ClientRequestToken: token,
      // A failed create rolls back (the default OnFailure) and deletes what it created, the
      // Retain bucket included, so the next attempt finds the bucket name free. Buckets that
      // existed before the operation are never deleted by a rollback.
      RetainExceptOnCreate: true,
    }),
  );
}

/**
 * Re-applies parameters and tags with the stack's current template: billing fields
 * changed, or the plan (the API key moves to the new plan's usage plan).
 */
export async function updateCustomerStack(customer: CustomerItem, token: string): Promise<'updating' | 'unchanged'> {
  return sendUpdateStack(customer, token, { UsePreviousTemplate: true });
}

/**
 * Brings the stack to the template at `templateUrl` (a rollout), with the customer's
 * current parameters and tags: the same UpdateStack as a PATCH, with another template.
 */
export async function updateCustomerStackTemplate(customer: CustomerItem, token: string, templateUrl: string): Promise<'updating' | 'unchanged'> {
  return sendUpdateStack(customer, token, { TemplateURL: templateUrl });
}

async function sendUpdateStack(
  customer: CustomerItem,
  token: string,
  template: { readonly UsePreviousTemplate: true } | { readonly TemplateURL: string },
): Promise<'updating' | 'unchanged'> {
  try {
    await cloudFormation.send(
      new UpdateStackCommand({
        StackName: customer.stack_name,
        ...template,
        Parameters: stackParameters(customer),
        Tags: stackTags(customer),
        RoleARN: setting('roleArn'),
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
  if (!(await describeCustomerStack(customer.stack_name))) return 'absent';
  await sendDeleteStack(customer, token);
  return 'deleting';
}

/** DeleteStack as is: deleting a stack that is gone succeeds, and the same token is the same request. */
export async function sendDeleteStack(customer: CustomerItem, token: string): Promise<void> {
  await cloudFormation.send(
    new DeleteStackCommand({ StackName: customer.stack_name, RoleARN: setting('roleArn'), ClientRequestToken: token }),
  );
}

/**
 * The stack's status now, or undefined when there is none: by name,
 * DescribeStacks does not return deleted stacks, it answers that they do not exist.
 */
export async function describeCustomerStack(stackName: string): Promise<StackState | undefined> {
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = (Stacks ?? []).find((s) => s.StackStatus !== 'DELETE_COMPLETE');
    if (!stack?.StackStatus) return undefined;
    const updatedAt = stack.LastUpdatedTime?.toISOString();
    return { status: stack.StackStatus, reason: stack.StackStatusReason ?? '', ...(updatedAt ? { updatedAt } : {}) };
  } catch (error) {
    if ((error as Error).message?.includes('does not exist')) return undefined;
    throw error;
  }
}
