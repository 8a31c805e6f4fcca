import type { RouteDefinition } from './types.ts';

/**
 * Every HTTP route Portico serves, declared once. The CDK stack wires API
 * Gateway from this list, the local gateway serves it, and the isolation suite
 * is generated from it.
 */
export const routes = [
  {
    id: 'customers.create',
    method: 'POST',
    path: '/customers',
    handler: 'customers/create',
    access: { kind: 'platform-admin' },
    summary: 'Onboard a customer: record, then provision its stack and bucket',
    tables: { customers: 'readwrite', idempotency: 'readwrite', audit: 'readwrite' },
    capabilities: ['provision-customers'],
    timeoutSeconds: 15,
  },
  {
    id: 'customers.list',
    method: 'GET',
    path: '/customers',
    handler: 'customers/list',
    access: { kind: 'platform-admin' },
    summary: 'List customers, newest first, optionally by status',
    tables: { customers: 'read' },
  },
  {
    id: 'customers.get',
    method: 'GET',
    path: '/customers/{customer_id}',
    handler: 'customers/get',
    access: { kind: 'customer', role: 'member', write: false },
    summary: 'Read one customer',
    tables: { customers: 'read', memberships: 'read', audit: 'readwrite' },
  },
  {
    id: 'customers.update',
    method: 'PATCH',
    path: '/customers/{customer_id}',
    handler: 'customers/update',
    access: { kind: 'platform-admin' },
    summary: 'Change profile, plan, quotas or billing fields (JSON merge patch)',
    tables: { customers: 'readwrite', audit: 'readwrite' },
    capabilities: ['provision-customers'],
    timeoutSeconds: 15,
  },
  {
    id: 'customers.provision',
    method: 'POST',
    path: '/customers/{customer_id}/provision',
    handler: 'customers/provision',
    access: { kind: 'platform-admin' },
    summary: 'Retry provisioning of a customer whose stack failed or never started',
    tables: { customers: 'readwrite', audit: 'readwrite' },
    capabilities: ['provision-customers'],
    timeoutSeconds: 15,
  },
  {
    id: 'customers.deactivate',
    method: 'POST',
    path: '/customers/{customer_id}/deactivate',
    handler: 'customers/deactivate',
    access: { kind: 'platform-admin' },
    summary: 'Suspend a customer: members keep read access, writes are refused',
    tables: { customers: 'readwrite', audit: 'readwrite' },
  },
  {
    id: 'customers.activate',
    method: 'POST',
    path: '/customers/{customer_id}/activate',
    handler: 'customers/activate',
    access: { kind: 'platform-admin' },
    summary: 'Re-activate a suspended customer',
    tables: { customers: 'readwrite', audit: 'readwrite' },
  },
  {
    id: 'customers.offboard',
    method: 'DELETE',
    path: '/customers/{customer_id}',
    handler: 'customers/offboard',
    access: { kind: 'platform-admin' },
    summary: 'Offboard: delete the customer stack, keep the bucket and the record',
    tables: { customers: 'readwrite', audit: 'readwrite' },
    capabilities: ['provision-customers'],
    requiredQuery: ['confirm'],
    timeoutSeconds: 15,
  },
  {
    id: 'customers.statistics',
    method: 'GET',
    path: '/customers/{customer_id}/statistics',
    handler: 'customers/statistics',
    access: { kind: 'customer', role: 'member', write: false },
    summary: 'Members, quotas and their use for one customer',
    tables: { customers: 'read', memberships: 'read', audit: 'readwrite' },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];
