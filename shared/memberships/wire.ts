import { defaultCustomersOf } from './user-state.ts';
import type { Membership } from './membership.ts';

/** A membership as the API shows it. */
export function toMember(membership: Membership, isDefault: boolean) {
  return {
    user_id: membership.user_id,
    customer_id: membership.customer_id,
    email: membership.email,
    role: membership.role,
    is_default: isDefault,
    added_at: membership.added_at,
    added_by: membership.added_by,
    ...(membership.updated_at ? { updated_at: membership.updated_at } : {}),
  };
}

/** Memberships as the API shows them, each with whether it is its user's default. */
export async function toMembers(memberships: readonly Membership[]) {
  const defaults = await defaultCustomersOf(memberships.map((m) => m.user_id));
  return memberships.map((m) => toMember(m, defaults.get(m.user_id) === m.customer_id));
}
