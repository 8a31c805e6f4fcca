import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';
import { isCustomerId } from '../customers/customer-id.ts';
import { customerOfBucket } from '../customers/template-contract.ts';
import { ForbiddenError } from '../http/errors.ts';
import { PLATFORM_ADMIN_GROUP } from '../identity/groups.ts';
import type { Caller } from '../identity/caller.ts';
import { confirmedPlatformGroups } from '../identity/platform-roles.ts';
import { findMembership } from '../memberships/membership-lookup.ts';
import { namedBuckets, type WorksetConfig } from '../worksets/index.ts';

/**
 * A config that names another customer's bucket is refused (403) outside
 * submission too: the YAML generator is open to every signed-in user, and a
 * file it writes must not point anyone at data they may not read. A caller
 * may name the buckets of customers they belong to (any, as a preview has no
 * customer of its own); platform admins may name any. Buckets Portico does not
 * own are left to submission, which admits only the customer's own.
 */
export async function refuseForeignCustomerBuckets(config: WorksetConfig, caller: Caller): Promise<void> {
  const prefix = requireEnv(ENV.bucketPrefix);
  const named = namedBuckets(config).flatMap((n) => {
    const customerId = customerOfBucket(prefix, n.bucket, isCustomerId);
    return customerId ? [{ ...n, customerId }] : [];
  });
  if (named.length === 0) return;
  const customers = [...new Set(named.map((n) => n.customerId))];
  const memberships = await Promise.all(customers.map(async (id) => [id, await findMembership(caller.userId, id)] as const));
  const foreign = new Set(memberships.filter(([, membership]) => !membership).map(([id]) => id));
  if (foreign.size === 0) return;
  if ((await confirmedPlatformGroups(caller.userId, caller.claimedGroups)).includes(PLATFORM_ADMIN_GROUP)) return;
  const refused = named.filter((n) => foreign.has(n.customerId));
  throw new ForbiddenError(`${refused[0]?.location} is in another customer's bucket; a workset may only name the buckets of customers you belong to.`, {
    errors: refused.map((n) => ({ field: n.field, message: `${n.location} is in another customer's bucket` })),
  });
}
