/**
 * Typed views of plans and quotas (bodies typed by client/schema.ts).
 */
import { unwrap, type PorticoClient, type paths, type components } from '#client/index.ts';

type S = components['schemas'];
export type Plan = S['Plan'];
export type PlanList = paths['/plans']['get']['responses'][200]['content']['application/json'];
export type QuotaReport = S['QuotaReport'];
export type PlanQuotas = paths['/plans/{plan_id}']['put']['requestBody']['content']['application/json']['quotas'];
export type QuotaPatch = paths['/customers/{customer_id}/quotas']['patch']['requestBody']['content']['application/json'];

export async function listPlans(client: PorticoClient): Promise<PlanList> {
  return unwrap(await client.GET('/plans'));
}

export async function putPlan(client: PorticoClient, planId: string, quotas: PlanQuotas): Promise<Plan> {
  return unwrap(await client.PUT('/plans/{plan_id}', { params: { path: { plan_id: planId } }, body: { quotas } }));
}

export async function getQuotas(client: PorticoClient, customerId: string): Promise<QuotaReport> {
  return unwrap(await client.GET('/customers/{customer_id}/quotas', { params: { path: { customer_id: customerId } } }));
}

export async function updateQuotas(client: PorticoClient, customerId: string, body: QuotaPatch): Promise<QuotaReport> {
  return unwrap(await client.PATCH('/customers/{customer_id}/quotas', { params: { path: { customer_id: customerId } }, body }));
}
