import { describe, expect, it } from 'vitest';
import type { CustomerItem } from '#shared/customers/customer.ts';
import { addToFleet, emptyFleet, LISTED_AT_MOST } from '#shared/platform-status/fleet.ts';
import { toCounters } from '#shared/usage/counters.ts';

const now = new Date('2026-11-23T12:00:00Z');
const customer = (id: string, status: string, updated: string, extra: Partial<CustomerItem> = {}) =>
  ({ customer_id: id, status, plan: 'standard', updated_at: updated, ...extra }) as CustomerItem;

describe('fleet summary', () => {
  it('counts by status, plan and template version, sums storage and slots, and names stuck and failed customers', () => {
    const fleet = emptyFleet();
    addToFleet(fleet, customer('a', 'ACTIVE', '2026-11-01T00:00:00Z', { template_version: 'v2' }), toCounters({ storage_bytes: 10, holders: { w1: 'x', w2: 'y' } }), now);
    addToFleet(fleet, customer('b', 'PROVISIONING', '2026-11-23T11:00:00Z'), undefined, now);
    addToFleet(fleet, customer('c', 'PROVISIONING', '2026-11-23T11:50:00Z'), undefined, now);
    addToFleet(fleet, customer('d', 'PROVISION_FAILED', '2026-11-22T00:00:00Z', { status_reason: 'Template error' }), undefined, now);
    addToFleet(fleet, customer('e', 'OFFBOARDED', '2026-10-01T00:00:00Z', { plan: 'enterprise' }), toCounters({ storage_bytes: 5 }), now);
    expect(fleet).toMatchObject({
      customers: 5,
      by_status: { ACTIVE: 1, PROVISIONING: 2, PROVISION_FAILED: 1, OFFBOARDED: 1 },
      by_plan: { standard: 4, enterprise: 1 },
      template_versions: { v2: 1, unknown: 3 },
      storage_bytes: 15,
      active_worksets: 2,
      provisioning_failures: { count: 1, customers: [{ customer_id: 'd', reason: 'Template error', since: '2026-11-22T00:00:00Z' }] },
      stuck: { count: 1, customers: [{ customer_id: 'b', status: 'PROVISIONING', since: '2026-11-23T11:00:00Z' }] },
    });
  });

  it('counts every failure but names at most twenty', () => {
    const fleet = emptyFleet();
    for (let i = 0; i < 30; i += 1) addToFleet(fleet, customer(`f${i}`, 'PROVISION_FAILED', '2026-11-22T00:00:00Z'), undefined, now);
    expect(fleet.provisioning_failures.count).toBe(30);
    expect(fleet.provisioning_failures.customers).toHaveLength(LISTED_AT_MOST);
  });
});
