import { describe, expect, it } from 'vitest';
import { activeCustomer, adminToken, api, cloudFormationRequests, waitForStackStatus } from '../../support/local-stack.ts';

/** The template parameters of a stack request, by key (from the Query API's `Parameters.member.N.*`). */
function parametersOf(params: Record<string, string>): Record<string, string> {
  const keys = Object.keys(params).filter((k) => /^Parameters\.member\.\d+\.ParameterKey$/.test(k));
  return Object.fromEntries(keys.map((k) => [params[k] as string, params[k.replace('ParameterKey', 'ParameterValue')] as string]));
}

/** A customer's optional monthly AWS Budget (issue 9, item 6) is set through the API and reaches its stack. */
describe('customer budget', () => {
  it('onboards with a budget and its billing email as stack parameters, and a PATCH changes or removes it', async () => {
    const token = await adminToken();
    const customer = await activeCustomer({ monthly_budget_usd: 250.5, billing_email: 'finance@acme.example' });
    expect(customer).toMatchObject({ monthly_budget_usd: 250.5, billing_email: 'finance@acme.example' });
    const create = (await cloudFormationRequests()).find((r) => r.action === 'CreateStack' && r.params.StackName === customer.stack_name);
    expect(parametersOf(create?.params ?? {})).toMatchObject({ MonthlyBudgetUsd: '250.5', BillingEmail: 'finance@acme.example' });

    const raised = await api('PATCH', `/customers/${customer.customer_id}`, { token, body: { monthly_budget_usd: 400 } });
    expect(raised.status).toBe(200);
    // A second change while the stack still applies the first would answer 409 with Retry-After.
    await waitForStackStatus(customer.stack_name, 'UPDATE_COMPLETE');
    const removed = await api('PATCH', `/customers/${customer.customer_id}`, { token, body: { monthly_budget_usd: null } });
    expect(removed.status).toBe(200);
    expect(removed.body).not.toHaveProperty('monthly_budget_usd');

    const updates = (await cloudFormationRequests()).filter((r) => r.action === 'UpdateStack' && r.params.StackName === customer.stack_name);
    expect(updates.map((u) => parametersOf(u.params).MonthlyBudgetUsd)).toEqual(['400', undefined]);
  });

  it('refuses a negative budget or a bad billing email with problem+json', async () => {
    const token = await adminToken();
    // 1e-200: within the bounds, but DynamoDB refuses to store it (a 500 the fuzz suite found).
    for (const body of [{ monthly_budget_usd: -1 }, { monthly_budget_usd: '10' }, { monthly_budget_usd: 1e-200 }, { billing_email: 'not-an-email' }]) {
      const answer = await api('POST', '/customers', { token, body: { customer_name: 'Budget Co', email: 'a@budget.example', billing_account_id: 'ba-1', cost_center: 'cc-1', ...body } });
      expect({ body, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ body, status: 400, type: 'application/problem+json' });
    }
  });
});
