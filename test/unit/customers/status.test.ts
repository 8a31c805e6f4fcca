import { describe, expect, it } from 'vitest';
import { canTransition, CUSTOMER_STATUSES, TRANSITIONS, transitionRefused, type CustomerAction } from '#shared/customers/status.ts';

/** The whole machine as a table: every action from every status. */
const allowed: Record<CustomerAction, string[]> = {
  provisioned: ['PROVISIONING'],
  provisionFailed: ['PROVISIONING'],
  retryProvision: ['PROVISION_FAILED'],
  failedStackRemoved: ['PROVISIONING'],
  deactivate: ['ACTIVE'],
  activate: ['INACTIVE'],
  offboard: ['PROVISION_FAILED', 'ACTIVE', 'INACTIVE', 'OFFBOARDING'],
  offboarded: ['OFFBOARDING'],
  offboardFailed: ['OFFBOARDING'],
};

describe('customer state machine', () => {
  it.each(Object.keys(TRANSITIONS) as CustomerAction[])('%s is allowed from exactly the listed statuses', (action) => {
    const from = CUSTOMER_STATUSES.filter((status) => canTransition(status, action));
    expect(from).toEqual(allowed[action]);
  });

  it('has no way out of OFFBOARDED', () => {
    const exits = (Object.keys(TRANSITIONS) as CustomerAction[]).filter((a) => canTransition('OFFBOARDED', a));
    expect(exits).toEqual([]);
  });

  it('explains a refused transition with the current status and what would allow it', () => {
    const error = transitionRefused('acme-a1b2c3d4', 'OFFBOARDED', 'activate');

    expect(error.status).toBe(409);
    expect(error.detail).toBe("Customer acme-a1b2c3d4 is OFFBOARDED; 'activate' is allowed only when it is INACTIVE.");
    expect(error.extensions).toEqual({ current_status: 'OFFBOARDED' });
  });
});
