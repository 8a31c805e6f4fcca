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
    expect(error.detail).toBe('Customer acme-a1b2c3d4 is OFFBOARDED; it can be activated only when it is INACTIVE.');
    expect(error.detail).not.toMatch(/'[a-zA-Z]+'/);
    expect(error.extensions).toEqual({ current_status: 'OFFBOARDED', allowed_statuses: ['INACTIVE'] });
  });

  it.each(Object.keys(TRANSITIONS) as CustomerAction[])('names %s in words, never by its internal identifier', (action) => {
    const detail = transitionRefused('acme-a1b2c3d4', 'OFFBOARDED', action).detail;
    expect(detail).not.toContain(`'${action}'`);
    expect(detail).not.toMatch(/\b[a-z]+[A-Z]\w*/); // no camelCase identifier such as retryProvision
    expect(detail).toMatch(/^Customer acme-a1b2c3d4 is OFFBOARDED; [a-z ,]+ only when it is [A-Z_]+((, | or )[A-Z_]+)*\.$/);
  });
});
