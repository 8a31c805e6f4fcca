export const MEMBERSHIP_ROLES = ['admin', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * A user's place in one customer, as stored in the memberships table. Which
 * membership is the user's default lives once, in the users table.
 */
export interface Membership {
  readonly user_id: string;
  readonly customer_id: string;
  readonly email: string;
  readonly role: MembershipRole;
  readonly added_at: string;
  readonly added_by: string;
  readonly updated_at?: string;
  /**
   * Set when a removal began: from then on the membership grants nothing and
   * counts nowhere, and a repeated DELETE finishes the removal.
   */
  readonly removing?: string;
}

/** admin ⊇ member. */
export function roleSatisfies(role: MembershipRole, required: MembershipRole): boolean {
  return required === 'member' || role === 'admin';
}
