import { describe, expect, it } from 'vitest';
import { RateLimits } from '#local/gateway/rate-limits.ts';
import { localUsagePlanId, LocalUsagePlans } from '#local/gateway/usage-plans.ts';
import { platformApiKeyValue } from '#shared/auth/usage-identifier.ts';
import { QUOTAS } from '#shared/quotas/declarations.ts';

const FREE_BURST = QUOTAS.burst.plans.free;
const METHOD = 'GET /customers/{customer_id}';

function setUp(stage = { rateLimit: 1000, burstLimit: 1000 }) {
  let now = 0;
  const usagePlans = new LocalUsagePlans('api1');
  const keyIn = (value: string, plan: 'free' | 'premium') => {
    const key = usagePlans.createKey(value);
    usagePlans.putKeyInPlan(key.id, localUsagePlanId(plan));
    return key;
  };
  const limits = new RateLimits({ stage, usagePlans, now: () => now });
  const send = (value: string | undefined, times = 1, method = METHOD) =>
    Array.from({ length: times }, () => limits.admit(method, { required: true, value })?.type ?? 'admitted');
  return { usagePlans, keyIn, limits, send, advance: (ms: number) => (now += ms) };
}

describe('RateLimits', () => {
  it('refuses a method that requires a key with 403 when the authorizer named none, or a key no usage plan holds', () => {
    const { usagePlans, send } = setUp();
    usagePlans.createKey('PorticoCustomerInNoPlan00');

    expect([...send(undefined), ...send('PorticoCustomerUnknown0000'), ...send('PorticoCustomerInNoPlan00')]).toEqual([
      'INVALID_API_KEY',
      'INVALID_API_KEY',
      'INVALID_API_KEY',
    ]);
  });

  it("throttles each key with its usage plan's rate and burst, and each key apart", () => {
    const { keyIn, send, advance } = setUp();
    keyIn('PorticoCustomerAcme00000', 'free');
    keyIn('PorticoCustomerOther0000', 'free');

    const burst = send('PorticoCustomerAcme00000', FREE_BURST + 1);
    const other = send('PorticoCustomerOther0000');
    advance(1000 / QUOTAS.requests_per_second.plans.free);
    const refilled = send('PorticoCustomerAcme00000', 2);

    expect(burst.filter((a) => a === 'admitted')).toHaveLength(FREE_BURST);
    expect(burst.at(-1)).toBe('THROTTLED');
    expect(other).toEqual(['admitted']);
    expect(refilled).toEqual(['admitted', 'THROTTLED']);
  });

  it("gives a key moved to another plan that plan's burst", () => {
    const { usagePlans, keyIn, send } = setUp();
    const key = keyIn('PorticoCustomerAcme00000', 'free');
    send(key.value, FREE_BURST + 1);

    usagePlans.putKeyInPlan(key.id, localUsagePlanId('premium'));

    expect(send(key.value, QUOTAS.burst.plans.premium + 1).filter((a) => a === 'admitted')).toHaveLength(QUOTAS.burst.plans.premium);
  });

  it('lets the platform key through on its own throttle-less plan, governed by the stage throttle per method', () => {
    const { send } = setUp({ rateLimit: 1, burstLimit: 3 });

    const answers = send(platformApiKeyValue('api1'), 4);
    const otherMethod = send(platformApiKeyValue('api1'), 1, 'POST /customers/{customer_id}/uploads');

    expect(answers).toEqual(['admitted', 'admitted', 'admitted', 'THROTTLED']);
    expect(otherMethod).toEqual(['admitted']);
  });

  it('applies the stage throttle to methods that need no key', () => {
    const { limits } = setUp({ rateLimit: 1, burstLimit: 2 });

    const answers = Array.from({ length: 3 }, () => limits.admit('GET /me', { required: false, value: undefined })?.type ?? 'admitted');

    expect(answers).toEqual(['admitted', 'admitted', 'THROTTLED']);
  });

  it('takes no stage token for a request its usage plan throttled', () => {
    const { keyIn, send } = setUp({ rateLimit: 1, burstLimit: FREE_BURST + 2 });
    keyIn('PorticoCustomerAcme00000', 'free');
    send('PorticoCustomerAcme00000', FREE_BURST + 5);

    expect(send(platformApiKeyValue('api1'), 3)).toEqual(['admitted', 'admitted', 'THROTTLED']);
  });
});
