import { afterAll, describe, expect, it } from 'vitest';
import { declaredPlanQuotas, QUOTA_NAMES } from '#shared/quotas/declarations.ts';
import { MEMBERSHIP_CACHE_SECONDS_IN_TESTS } from '../../setup/local-stack.ts';
import { activeCustomer, adminToken, api, countCustomerItems, customerBody, tenant } from '../../support/local-stack.ts';

const settle = () => new Promise((r) => setTimeout(r, MEMBERSHIP_CACHE_SECONDS_IN_TESTS * 1000 + 200));

describe('GET /plans', () => {
  it('answers the four plans with every declared quota, and the catalog of quotas', async () => {
    const { member } = await tenant();

    const response = await api('GET', '/plans', { token: member.token });

    expect(response.status).toBe(200);
    expect(response.body.plans.map((p: { plan_id: string }) => p.plan_id)).toEqual(['free', 'standard', 'premium', 'enterprise']);
    expect(response.body.plans.find((p: { plan_id: string }) => p.plan_id === 'free')).toMatchObject({ quotas: declaredPlanQuotas('free') });
    expect(response.body.quotas.map((q: { quota: string }) => q.quota)).toEqual(QUOTA_NAMES);
    expect(response.body.quotas[0]).toEqual({
      quota: 'max_concurrent_worksets',
      unit: 'worksets',
      description: expect.any(String),
      min: 1,
      max: 1000,
      enforced_at: expect.any(String),
      warnable: true,
    });
  });
});

describe('PUT /plans/{plan_id}', () => {
  // The edits below change `enterprise`; put its declared limits back whatever happens.
  afterAll(async () => {
    await api('PUT', '/plans/enterprise', { token: await adminToken(), body: { quotas: declaredPlanQuotas('enterprise') } });
  });

  it('changes the limits of every customer on the plan without an override, and keeps overrides', async () => {
    const admin = await adminToken();
    const follower = await activeCustomer({ plan: 'enterprise', max_concurrent_worksets: undefined, max_storage_gb: undefined });
    const overridden = await activeCustomer({ plan: 'enterprise', max_concurrent_worksets: 42, max_storage_gb: undefined });
    const edited = { ...declaredPlanQuotas('enterprise'), max_concurrent_worksets: 77, max_runs_per_month: 777 };

    const put = await api('PUT', '/plans/enterprise', { token: admin, body: { quotas: edited } });
    await settle();

    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ plan_id: 'enterprise', source: 'edited', quotas: edited, updated_by: expect.any(String) });
    expect((await api('GET', `/customers/${follower.customer_id}`, { token: admin })).body).toMatchObject({ max_concurrent_worksets: 77, max_runs_per_month: 777 });
    expect((await api('GET', `/customers/${overridden.customer_id}`, { token: admin })).body).toMatchObject({ max_concurrent_worksets: 42, max_runs_per_month: 777 });
  });

  it('refuses a customer admin (403), an unknown plan (404), and a limit out of bounds naming the quota (400)', async () => {
    const { admin } = await tenant();
    const platform = await adminToken();
    const quotas = declaredPlanQuotas('enterprise');

    const asCustomerAdmin = await api('PUT', '/plans/enterprise', { token: admin.token, body: { quotas } });
    const unknown = await api('PUT', '/plans/platinum', { token: platform, body: { quotas } });
    const outOfBounds = await api('PUT', '/plans/enterprise', { token: platform, body: { quotas: { ...quotas, burst: 0 } } });
    const missing = await api('PUT', '/plans/enterprise', { token: platform, body: { quotas: { burst: 10 } } });

    expect(asCustomerAdmin.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('free, standard, premium, enterprise');
    expect(outOfBounds.status).toBe(400);
    expect(outOfBounds.body.errors).toContainEqual({ field: 'quotas.burst', message: 'must be at least 1' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('quotas.max_concurrent_worksets');
  });
});

describe('request rate and burst, set at deploy', () => {
  it('cannot be changed by PUT /plans, PATCH quotas or onboarding (their API Gateway usage plan is deployed), and nothing is written', async () => {
    const platform = await adminToken();
    const customer = await activeCustomer();
    const quotas = declaredPlanQuotas('premium');

    const plan = await api('PUT', '/plans/premium', { token: platform, body: { quotas: { ...quotas, requests_per_second: 51 } } });
    const patch = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: platform, body: { burst: { limit: 500 } } });
    const onboard = await api('POST', '/customers', { token: platform, body: customerBody({ burst: 500 }) });

    expect(plan.status).toBe(400);
    expect(plan.body.errors).toEqual([{ field: 'quotas.requests_per_second', message: expect.stringContaining('change it there and run cdk deploy') }]);
    expect((await api('GET', '/plans', { token: platform })).body.plans.find((p: { plan_id: string }) => p.plan_id === 'premium').quotas.requests_per_second).toBe(50);
    expect(patch.status).toBe(400);
    expect(patch.body.errors[0]).toMatchObject({ field: 'burst.limit', message: expect.stringContaining('a customer cannot override it') });
    expect(onboard.status).toBe(400);
    expect(onboard.body.errors[0]).toMatchObject({ field: 'burst' });
  });
});

describe('GET and PATCH /customers/{customer_id}/quotas', () => {
  it('answers each quota with limit, used, remaining, source and mode; a member may read it', async () => {
    const { customer, member } = await tenant();

    const response = await api('GET', `/customers/${customer.customer_id}/quotas`, { token: member.token });

    expect(response.status).toBe(200);
    expect(response.body.quotas.map((q: { quota: string }) => q.quota)).toEqual(QUOTA_NAMES);
    expect(response.body.quotas.find((q: { quota: string }) => q.quota === 'max_concurrent_worksets')).toMatchObject({
      limit: 10,
      used: 0,
      remaining: 10,
      source: 'override',
      mode: 'enforce',
    });
    expect(response.body.quotas.find((q: { quota: string }) => q.quota === 'max_runs_per_month')).toMatchObject({ limit: 100, used: 0, source: 'plan' });
    expect(response.body.quotas.find((q: { quota: string }) => q.quota === 'burst')).toMatchObject({ used: null, remaining: null });
  });

  it('lets a platform admin set an override and a mode, and clear the override back to the plan', async () => {
    const customer = await activeCustomer();
    const admin = await adminToken();

    const set = await api('PATCH', `/customers/${customer.customer_id}/quotas`, {
      token: admin,
      body: { max_runs_per_month: { limit: 3, mode: 'warn' }, max_concurrent_worksets: { limit: null } },
    });

    expect(set.status).toBe(200);
    const byName = (body: any, name: string) => body.quotas.find((q: { quota: string }) => q.quota === name);
    expect(byName(set.body, 'max_runs_per_month')).toMatchObject({ limit: 3, source: 'override', mode: 'warn' });
    expect(byName(set.body, 'max_concurrent_worksets')).toMatchObject({ limit: 5, source: 'plan', mode: 'enforce' });
    const audit = await api('GET', `/customers/${customer.customer_id}/audit`, { token: admin });
    expect(audit.body.events[0]).toMatchObject({ action: 'customer.quota_changed' });

    const back = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: admin, body: { max_runs_per_month: { mode: 'enforce' } } });
    expect(byName(back.body, 'max_runs_per_month')).toMatchObject({ limit: 3, mode: 'enforce' });
  });

  it('refuses a customer admin, a warn mode on an always-enforced quota, an unknown quota and an empty patch, writing nothing', async () => {
    const { customer, admin } = await tenant();
    const platform = await adminToken();
    const auditBefore = await countCustomerItems('audit', customer.customer_id);

    const asCustomerAdmin = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: admin.token, body: { burst: { limit: 1 } } });
    const warnRate = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: platform, body: { requests_per_second: { mode: 'warn' } } });
    const unknown = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: platform, body: { max_gpus: { limit: 1 } } });
    const empty = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: platform, body: {} });
    const nothing = await api('PATCH', `/customers/${customer.customer_id}/quotas`, { token: platform, body: { burst: {} } });

    expect(asCustomerAdmin.status).toBe(403);
    for (const refused of [warnRate, unknown, empty, nothing]) expect(refused.status).toBe(400);
    expect(warnRate.body.errors[0]).toMatchObject({ field: 'requests_per_second.mode', message: 'this quota is always enforced (its mode can only be enforce)' });
    expect(unknown.body.errors[0]).toEqual({ field: 'max_gpus', message: 'is not a known field' });
    // The customer admin's refusal is audited (a denied attempt); nothing else was written.
    expect(await countCustomerItems('audit', customer.customer_id)).toBe(auditBefore);
  });
});

describe('a plan change', () => {
  it('keeps the overrides and moves every other limit to the new plan', async () => {
    const customer = await activeCustomer({ plan: 'free', max_storage_gb: 123, max_concurrent_worksets: undefined });
    const admin = await adminToken();

    const changed = await api('PATCH', `/customers/${customer.customer_id}`, { token: admin, body: { plan: 'premium' } });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      plan: 'premium',
      max_storage_gb: 123,
      quota_overrides: { max_storage_gb: 123 },
      max_concurrent_worksets: declaredPlanQuotas('premium').max_concurrent_worksets,
      max_runs_per_month: declaredPlanQuotas('premium').max_runs_per_month,
    });
  });
});
