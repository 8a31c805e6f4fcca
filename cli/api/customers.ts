/**
 * Typed views of the customer routes (bodies typed by client/schema.ts).
 */
import { randomUUID } from 'node:crypto';
import { unwrap, type PorticoClient, type paths, type components } from '#client/index.ts';

type S = components['schemas'];
export type Customer = S['Customer'];
export type CustomerPage = paths['/customers']['get']['responses'][200]['content']['application/json'];
export type CustomerStatus = S['CustomerStatus'];
export type NewCustomer = paths['/customers']['post']['requestBody']['content']['application/json'];
export type CustomerPatch = paths['/customers/{customer_id}']['patch']['requestBody']['content']['application/json'];

const path = (customerId: string) => ({ params: { path: { customer_id: customerId } } });

export async function listCustomers(client: PorticoClient, query: { status?: CustomerStatus; next_token?: string; limit?: number }): Promise<CustomerPage> {
  return unwrap(await client.GET('/customers', { params: { query } }));
}

export async function getCustomer(client: PorticoClient, customerId: string): Promise<Customer> {
  return unwrap(await client.GET('/customers/{customer_id}', path(customerId)));
}

/** Onboards with an idempotency key, so a retried request cannot onboard twice. */
export async function createCustomer(client: PorticoClient, body: NewCustomer): Promise<Customer> {
  return unwrap(await client.POST('/customers', { body, params: { header: { 'Idempotency-Key': randomUUID() } } }));
}

export async function updateCustomer(client: PorticoClient, customerId: string, body: CustomerPatch): Promise<Customer> {
  return unwrap(await client.PATCH('/customers/{customer_id}', { ...path(customerId), body }));
}

export async function activateCustomer(client: PorticoClient, customerId: string): Promise<Customer> {
  return unwrap(await client.POST('/customers/{customer_id}/activate', path(customerId)));
}

export async function deactivateCustomer(client: PorticoClient, customerId: string): Promise<Customer> {
  return unwrap(await client.POST('/customers/{customer_id}/deactivate', path(customerId)));
}

export async function offboardCustomer(client: PorticoClient, customerId: string, confirm: string): Promise<Customer> {
  return unwrap(await client.DELETE('/customers/{customer_id}', { params: { path: { customer_id: customerId }, query: { confirm } } }));
}
