import { CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CustomerItem } from '#shared/customers/customer.ts';
import { operationToken, updateCustomerStack } from '#shared/customers/provisioner.ts';
import { QUOTAS } from '#shared/quotas/declarations.ts';
import {
  adminToken,
  api,
  cloudFormationRequests,
  createTestUser,
  customerWithMember,
  describeStack,
  localCloudFormation,
  localS3,
  localStack,
  waitForStackStatus,
  type ApiResponse,
} from '../../support/local-stack.ts';

/**
 * Per-customer rate limits: the customer authorizer names the customer's API key for
 * its members' requests, and the local gateway throttles each key with its usage plan's
 * rate and burst (the plan's declared `requests_per_second` and `burst`).
 */
const FREE = { rate: QUOTAS.requests_per_second.plans.free, burst: QUOTAS.burst.plans.free };

/** `count` requests at once on a customer-scoped route; how they were answered and how long it took. */
async function flood(customerId: string, token: string, count: number): Promise<{ answers: ApiResponse[]; seconds: number }> {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: count }, () => api('GET', `/customers/${customerId}/statistics`, { token })));
  return { answers, seconds: (Date.now() - started) / 1000 };
}

const statuses = (answers: readonly ApiResponse[]) => answers.map((a) => a.status);

describe('per-customer rate limits', () => {
  it("answer a member of a free customer 429 once its burst is spent, and leave another customer's members and platform admins alone", async () => {
    const [free, other] = await Promise.all([customerWithMember({ plan: 'free' }), customerWithMember({ plan: 'free' })]);

    const { answers, seconds } = await flood(free.customer.customer_id, free.member.token, 40);
    const otherCustomer = await api('GET', `/customers/${other.customer.customer_id}/statistics`, { token: other.member.token });
    const admin = await api('GET', `/customers/${free.customer.customer_id}/statistics`, { token: await adminToken() });

    const passed = answers.filter((a) => a.status === 200).length;
    const throttled = answers.filter((a) => a.status === 429);
    expect(passed + throttled.length).toBe(answers.length);
    expect(throttled.length).toBeGreaterThan(0);
    // The whole burst, then no more than the steady rate brought in meanwhile.
    expect(passed).toBeGreaterThanOrEqual(FREE.burst);
    expect(passed).toBeLessThanOrEqual(FREE.burst + Math.ceil(FREE.rate * seconds));
    expect(throttled[0]?.headers.get('content-type')).toBe('application/problem+json');
    expect(throttled[0]?.body).toMatchObject({ status: 429, title: 'Too Many Requests', instance: `/customers/${free.customer.customer_id}/statistics` });
    expect(otherCustomer.status).toBe(200);
    expect(admin.status).toBe(200);
  });

  it("spend none of a customer's rate limit on a non-member hammering its path, who still gets the audited 403", async () => {
    const { customer, member } = await customerWithMember({ plan: 'free' });
    const stranger = await createTestUser();

    const hammering = await flood(customer.customer_id, stranger.token, 2 * FREE.burst);
    const burst = await flood(customer.customer_id, member.token, FREE.burst);

    expect(statuses(hammering.answers)).toEqual(Array(2 * FREE.burst).fill(403));
    expect(hammering.answers[0]?.body.detail).toBe('You do not have access to this customer.');
    expect(statuses(burst.answers)).toEqual(Array(FREE.burst).fill(200));
  });

  it("move the customer's key to the new plan's usage plan when its stack is updated with another plan", async () => {
    const { customer, member } = await customerWithMember({ plan: 'free' });
    const premium: CustomerItem = { ...customer, plan: 'premium' };

    const outcome = await updateCustomerStack(premium, operationToken('update', customer.customer_id, new Date()));
    await waitForStackStatus(customer.stack_name, 'UPDATE_COMPLETE');
    const { answers } = await flood(customer.customer_id, member.token, 2 * FREE.burst);

    expect(outcome).toBe('updating');
    const update = (await cloudFormationRequests()).filter((r) => r.action === 'UpdateStack' && r.params.StackName === customer.stack_name);
    expect(update.at(-1)?.params).toMatchObject({ 'Parameters.member.6.ParameterKey': 'Plan', 'Parameters.member.6.ParameterValue': 'premium' });
    expect(statuses(answers)).toEqual(Array(2 * FREE.burst).fill(200));
  });
});

describe("the local provisioner and a customer stack's API key", () => {
  const parameters = (customerId: string, plan: string) =>
    Object.entries({ CustomerId: customerId, CostCenter: 'CC', BillingAccount: 'BA', Environment: 'local', NoncurrentVersionExpirationDays: '30', Plan: plan }).map(
      ([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }),
    );

  it('refuses a plan the template does not allow, as CloudFormation refuses a parameter outside AllowedValues', async () => {
    const customerId = `badplan-${randomBytes(4).toString('hex')}`;
    const StackName = `portico-customer-${customerId}`;

    const refused = localCloudFormation().send(
      new CreateStackCommand({ StackName, TemplateURL: 'http://template', Parameters: parameters(customerId, 'platinum'), ClientRequestToken: 'create-1' }),
    );

    await expect(refused).rejects.toThrow("Parameter 'Plan' must be one of AllowedValues");
    expect(await describeStack(StackName)).toBeUndefined();
  });

  it('deletes the key with the stack, so a later stack of the same customer can create it again', async () => {
    const customerId = `rekey-${randomBytes(4).toString('hex')}`;
    const StackName = `portico-customer-${customerId}`;
    const create = (ClientRequestToken: string) =>
      localCloudFormation().send(new CreateStackCommand({ StackName, TemplateURL: 'http://template', Parameters: parameters(customerId, 'free'), ClientRequestToken }));
    await create('first');
    await waitForStackStatus(StackName, 'CREATE_COMPLETE');

    await localCloudFormation().send(new DeleteStackCommand({ StackName, ClientRequestToken: 'delete' }));
    await waitForStackStatus(StackName, 'none');
    // The bucket outlives the stack (DeletionPolicy Retain); the key must not.
    await localS3().send(new DeleteBucketCommand({ Bucket: `${localStack().bucket_prefix}-${customerId}` }));
    await create('second');
    await waitForStackStatus(StackName, 'CREATE_COMPLETE');

    expect((await describeStack(StackName))?.status).toBe('CREATE_COMPLETE');
  });
});
