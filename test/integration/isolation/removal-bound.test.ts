import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_CACHE_SECONDS_IN_TESTS } from '../../setup/local-stack.ts';
import { api, localStack, tenant } from '../../support/local-stack.ts';
import { dynamo, expectedRefusal, refusal, TENANT_DENIED } from './route-requests.ts';

/**
 * A removed user is refused within MEMBERSHIP_CACHE_SECONDS (the test stack
 * runs with MEMBERSHIP_CACHE_SECONDS_IN_TESTS), however the removal happens.
 */
const BOUND_MS = MEMBERSHIP_CACHE_SECONDS_IN_TESTS * 1000;
const SLACK_MS = 1000;
const denied = expectedRefusal(403, 'Forbidden', TENANT_DENIED);

const membershipKey = (userId: string, customerId: string) => ({ TableName: localStack().tables.memberships, Key: { user_id: userId, customer_id: customerId } });

/** Polls GET `path` until it is refused as a non-member; answers how many milliseconds that took. */
async function refusedWithin(path: string, token: string): Promise<number> {
  const started = Date.now();
  let response = await api('GET', path, { token });
  while (response.status === 200 && Date.now() - started < BOUND_MS + SLACK_MS + 2000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    response = await api('GET', path, { token });
  }
  expect(refusal(response)).toEqual(denied);
  return Date.now() - started;
}

describe('a user removed from a customer', () => {
  it('is refused within the cache bound when the membership disappears behind the API (another container removed it)', async () => {
    const { customer, member } = await tenant();
    const path = `/customers/${customer.customer_id}`;
    // The read caches the membership in the gateway's (the container's) lookup cache.
    expect((await api('GET', path, { token: member.token })).status).toBe(200);

    const removedAt = Date.now();
    await dynamo().send(new DeleteCommand(membershipKey(member.userId, customer.customer_id)));
    expect((await dynamo().send(new GetCommand({ ...membershipKey(member.userId, customer.customer_id), ConsistentRead: true }))).Item).toBeUndefined();

    // Poll; note when the last request that was still let in had started.
    let lastAllowedAt: number | undefined;
    let startedAt = Date.now();
    let response = await api('GET', path, { token: member.token });
    while (response.status === 200 && startedAt - removedAt < BOUND_MS + SLACK_MS + 2000) {
      lastAllowedAt = startedAt;
      await new Promise((resolve) => setTimeout(resolve, 50));
      startedAt = Date.now();
      response = await api('GET', path, { token: member.token });
    }
    const refusedAfterMs = Date.now() - removedAt;

    expect(refusal(response)).toEqual(denied);
    expect(refusedAfterMs).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
    // The membership was cached before the removal, so nothing that started after the bound got in.
    expect((lastAllowedAt ?? removedAt) - removedAt).toBeLessThan(BOUND_MS);
    // And stays refused, on every customer route.
    const later = await Promise.all([
      api('GET', path, { token: member.token }),
      api('GET', `${path}/statistics`, { token: member.token }),
      api('POST', `${path}/uploads`, { token: member.token, body: {} }),
    ]);
    expect(later.map(refusal)).toEqual([denied, denied, denied]);
  });

  it('through the API is refused within the cache bound, by every function (each keeps its own cache, as each Lambda container does)', async () => {
    const { customer, admin, member } = await tenant();
    const path = `/customers/${customer.customer_id}`;
    expect((await api('GET', path, { token: member.token })).status).toBe(200);

    const removedAt = Date.now();
    const removal = await api('DELETE', `${path}/users/${member.userId}`, { token: admin.token });

    expect(removal.status).toBe(204);
    await refusedWithin(path, member.token);
    expect(Date.now() - removedAt).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
  });

  it('keeps their other customers', async () => {
    const [{ customer: first, admin }, { customer: second, member }] = await Promise.all([tenant(), tenant()]);
    const added = await api('POST', `/customers/${first.customer_id}/users`, { token: admin.token, body: { email: member.email, role: 'member' } });
    expect(added.status).toBe(201);
    expect((await api('GET', `/customers/${first.customer_id}`, { token: member.token })).status).toBe(200);

    await api('DELETE', `/customers/${first.customer_id}/users/${member.userId}`, { token: admin.token });

    expect(await refusedWithin(`/customers/${first.customer_id}`, member.token)).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
    expect((await api('GET', `/customers/${second.customer_id}`, { token: member.token })).status).toBe(200);
  });
});
