import type { CustomerItem } from '../customers/customer.ts';
import type { Counters } from '../usage/counters.ts';

/** How long a customer may stay PROVISIONING or OFFBOARDING before the status calls it stuck. */
export const STUCK_AFTER_SECONDS = 30 * 60;
/** The status lists at most this many customers by name per problem; the counts are always complete. */
export const LISTED_AT_MOST = 20;

export interface FleetSummary {
  customers: number;
  by_status: Record<string, number>;
  by_plan: Record<string, number>;
  template_versions: Record<string, number>;
  storage_bytes: number;
  active_worksets: number;
  provisioning_failures: { count: number; customers: { customer_id: string; reason: string | null; since: string }[] };
  stuck: { count: number; customers: { customer_id: string; status: string; since: string }[] };
}

export function emptyFleet(): FleetSummary {
  return {
    customers: 0,
    by_status: {},
    by_plan: {},
    template_versions: {},
    storage_bytes: 0,
    active_worksets: 0,
    provisioning_failures: { count: 0, customers: [] },
    stuck: { count: 0, customers: [] },
  };
}

const add = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

/** Adds one customer (and its counter item, if any) to the summary. Pure: the status route's rule. */
export function addToFleet(fleet: FleetSummary, customer: CustomerItem, counters: Counters | undefined, now: Date): void {
  fleet.customers += 1;
  add(fleet.by_status, customer.status);
  add(fleet.by_plan, customer.plan);
  if (customer.status !== 'OFFBOARDED') add(fleet.template_versions, customer.template_version ?? 'unknown');
  fleet.storage_bytes += counters?.storage_bytes ?? 0;
  fleet.active_worksets += counters ? Object.keys(counters.holders).length : 0;
  if (customer.status === 'PROVISION_FAILED') {
    fleet.provisioning_failures.count += 1;
    if (fleet.provisioning_failures.customers.length < LISTED_AT_MOST) {
      fleet.provisioning_failures.customers.push({ customer_id: customer.customer_id, reason: customer.status_reason ?? null, since: customer.updated_at });
    }
  }
  const inFlight = customer.status === 'PROVISIONING' || customer.status === 'OFFBOARDING';
  if (inFlight && now.getTime() - Date.parse(customer.updated_at) > STUCK_AFTER_SECONDS * 1000) {
    fleet.stuck.count += 1;
    if (fleet.stuck.customers.length < LISTED_AT_MOST) fleet.stuck.customers.push({ customer_id: customer.customer_id, status: customer.status, since: customer.updated_at });
  }
}
