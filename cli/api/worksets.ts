/**
 * Typed views of the workset routes (bodies typed by client/schema.ts).
 */
import { randomUUID } from 'node:crypto';
import { unwrap, type components, type PorticoClient, type paths } from '#client/index.ts';

type S = components['schemas'];
export type Workset = S['Workset'];
export type WorksetPage = paths['/customers/{customer_id}/worksets']['get']['responses'][200]['content']['application/json'];
export type WorksetState = S['WorksetState'];
export type WorksetRequest = components['schemas']['WorksetsSubmitRequest'];

const path = (customerId: string, worksetId: string) => ({ params: { path: { customer_id: customerId, workset_id: worksetId } } });

export async function listWorksets(client: PorticoClient, customerId: string, query: { state?: WorksetState; next_token?: string; limit?: number }): Promise<WorksetPage> {
  return unwrap(await client.GET('/customers/{customer_id}/worksets', { params: { path: { customer_id: customerId }, query } }));
}

export async function getWorkset(client: PorticoClient, customerId: string, worksetId: string): Promise<Workset> {
  return unwrap(await client.GET('/customers/{customer_id}/worksets/{workset_id}', path(customerId, worksetId)));
}

/**
 * Submits with an idempotency key. The body is what the file held: the API
 * validates it (every field error at once), so it is sent as read.
 */
export async function submitWorkset(client: PorticoClient, customerId: string, body: WorksetRequest, idempotencyKey: string = randomUUID()): Promise<Workset> {
  return unwrap(
    await client.POST('/customers/{customer_id}/worksets', {
      params: { path: { customer_id: customerId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export async function cancelWorkset(client: PorticoClient, customerId: string, worksetId: string): Promise<Workset> {
  return unwrap(await client.POST('/customers/{customer_id}/worksets/{workset_id}/cancel', path(customerId, worksetId)));
}
