import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiIdOf, platformApiKeyValue, usageIdentifierKey, type UsageAttribution } from '#shared/auth/usage-identifier.ts';
import { newCustomerId } from '#shared/customers/customer-id.ts';
import { CUSTOMER_STATUSES } from '#shared/customers/status.ts';
import { customerApiKeyValue } from '#shared/customers/template-contract.ts';

const member: UsageAttribution = { apiId: 'a1b2c3d4e5', customerId: 'acme-1a2b3c4d', claimsPlatformAdmin: false, isMember: true, customerStatus: 'ACTIVE' };
const PLATFORM = platformApiKeyValue('a1b2c3d4e5');

describe('the usage identifier a customer-scoped request counts against', () => {
  it("is the customer's key for its members while its stack holds the key (active or deactivated)", () => {
    expect(usageIdentifierKey(member)).toBe(customerApiKeyValue('acme-1a2b3c4d'));
    expect(usageIdentifierKey({ ...member, customerStatus: 'INACTIVE' })).toBe(customerApiKeyValue('acme-1a2b3c4d'));
  });

  it.each(CUSTOMER_STATUSES.filter((status) => status !== 'ACTIVE' && status !== 'INACTIVE'))(
    "is the platform key for a member of a %s customer, whose stack holds no key",
    (customerStatus) => {
      expect(usageIdentifierKey({ ...member, customerStatus })).toBe(PLATFORM);
    },
  );

  it.each([
    ['a non-member', { isMember: false }],
    ['a platform admin, member or not', { claimsPlatformAdmin: true }],
    ['a customer that does not exist', { isMember: false, customerStatus: undefined }],
    ['a path id that is no customer id', { customerId: 'ACME' }],
  ])('is the platform key for %s', (_case, change) => {
    expect(usageIdentifierKey({ ...member, ...change })).toBe(PLATFORM);
  });

  it('names the API the request was made to from the method ARN', () => {
    expect(apiIdOf('arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/v1/GET/customers/acme-1a2b3c4d')).toBe('a1b2c3d4e5');
  });
});

describe('customer API key values', () => {
  it('are 20 to 128 alphanumeric characters, one per customer id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), (a, b) => {
        const [one, two] = [newCustomerId(a, () => '0a1b2c3d'), newCustomerId(b, () => '0a1b2c3d')];
        const [keyOne, keyTwo] = [customerApiKeyValue(one), customerApiKeyValue(two)];
        expect(keyOne).toMatch(/^[A-Za-z0-9]{20,128}$/);
        expect(keyOne === keyTwo).toBe(one === two);
      }),
    );
  });
});
