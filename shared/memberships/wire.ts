import type { Membership } from './membership.ts';

/** A membership as the API shows it. */
export function toMember(membership: Membership) {
  return {
    user_id: membership.user_id,
    customer_id: membership.customer_id,
    email: membership.email,
    role: membership.role,
    is_default: membership.is_default,
    added_at: membership.added_at,
    added_by: membership.added_by,
    ...(membership.updated_at ? { updated_at: membership.updated_at } : {}),
  };
}
