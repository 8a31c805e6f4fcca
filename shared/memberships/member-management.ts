import { appendAudit, type AuditAction } from '../audit/audit-log.ts';
import { isPlatformAdmin, type Caller } from '../http/caller.ts';
import { ForbiddenError } from '../http/errors.ts';
import {
  disableAndSignOut,
  enableUser,
  findUser,
  inviteUser,
  normalizeEmail,
  setDefaultCustomerAttribute,
} from '../identity/user-directory.ts';
import { logger } from '../observability/logger.ts';
import { forgetMembership } from './membership-lookup.ts';
import type { Membership, MembershipRole } from './membership.ts';
import {
  deleteMembership,
  insertMembership,
  listUserMemberships,
  markDefault,
  requireAnotherAdmin,
  requireMembership,
  updateRole,
} from './repository.ts';

export interface Actor {
  readonly caller: Caller;
  readonly requestId: string;
  /** The acting user's membership in the customer, absent for platform admins. */
  readonly membership?: Membership;
}

function audit(customerId: string, action: AuditAction, userId: string, who: Actor, details?: Record<string, unknown>) {
  return appendAudit({
    customerId,
    action,
    actor: who.caller.userId,
    actorEmail: who.caller.email,
    target: `user:${userId}`,
    requestId: who.requestId,
    ...(details ? { details } : {}),
  });
}

export interface AddedMember {
  readonly membership: Membership;
  /** True when Portico created the Cognito user and Cognito emailed the invitation. */
  readonly invited: boolean;
}

/**
 * Adds a user by email: an unknown email gets a Cognito user and an
 * invitation; a known one gets the membership (and is re-enabled if removal
 * from every customer had disabled it). The first membership is the default.
 */
export async function addMember(customerId: string, input: { email: string; role: MembershipRole }, who: Actor): Promise<AddedMember> {
  const email = normalizeEmail(input.email);
  const existing = await findUser(email);
  const user = existing ?? (await inviteUser(email, customerId));
  if (existing && !existing.enabled) await enableUser(existing.userId);

  const others = await listUserMemberships(user.userId);
  const now = new Date().toISOString();
  const membership: Membership = {
    user_id: user.userId,
    customer_id: customerId,
    email,
    role: input.role,
    is_default: others.length === 0,
    added_at: now,
    added_by: who.caller.userId,
  };
  await insertMembership(membership);
  if (existing && membership.is_default) await setDefaultCustomerAttribute(user.userId, customerId);
  await audit(customerId, 'membership.added', user.userId, who, { email, role: input.role, invited: !existing });
  return { membership, invited: !existing };
}

export async function changeMemberRole(customerId: string, userId: string, role: MembershipRole, who: Actor): Promise<Membership> {
  const current = await requireMembership(userId, customerId);
  if (current.role === role) return current;
  const updated = await updateRole(current, role, new Date());
  forgetMembership(userId, customerId);
  await audit(customerId, 'membership.role_changed', userId, who, { from: current.role, to: role });
  return updated;
}

/**
 * Removes a membership. A user left with none is disabled and signed out
 * everywhere; a user who loses the default gets another one. Those changes
 * come first and the membership delete last, so a failure part-way leaves the
 * membership in place and sending the DELETE again redoes all of it; a user
 * who is not a member of this customer is a 404 and nothing is touched.
 */
export async function removeMember(customerId: string, userId: string, who: Actor): Promise<void> {
  const current = await requireMembership(userId, customerId);
  if (current.role === 'admin') await requireAnotherAdmin(customerId);
  const others = (await listUserMemberships(userId)).filter((m) => m.customer_id !== customerId);
  const outcome = await prepareUserForRemoval(userId, current, others);
  await deleteMembership(current);
  forgetMembership(userId, customerId);
  await audit(customerId, 'membership.removed', userId, who, { email: current.email, role: current.role, ...outcome });
}

async function prepareUserForRemoval(
  userId: string,
  removed: Membership,
  others: readonly Membership[],
): Promise<{ disabled: boolean; new_default?: string }> {
  if (others.length === 0) {
    await disableAndSignOut(userId);
    await setDefaultCustomerAttribute(userId, null);
    logger.info('user disabled: no memberships left', { removed_user_id: userId });
    return { disabled: true };
  }
  if (!removed.is_default || others.some((m) => m.is_default)) return { disabled: false };
  const next = [...others].sort((a, b) => a.added_at.localeCompare(b.added_at))[0] as Membership;
  await markDefault(userId, next.customer_id, [removed, ...others]);
  await setDefaultCustomerAttribute(userId, next.customer_id);
  return { disabled: false, new_default: next.customer_id };
}

/** The user themselves, an admin of the customer, or a platform admin may do this. */
export async function setDefaultCustomer(customerId: string, userId: string, who: Actor): Promise<Membership> {
  const self = who.caller.userId === userId;
  if (!self && who.membership?.role !== 'admin' && !isPlatformAdmin(who.caller)) {
    throw new ForbiddenError("Only the user, an admin of this customer or a platform admin can change a user's default customer.");
  }
  const target = await requireMembership(userId, customerId);
  const all = await listUserMemberships(userId);
  await markDefault(userId, customerId, all);
  await setDefaultCustomerAttribute(userId, customerId);
  await audit(customerId, 'membership.default_changed', userId, who);
  return { ...target, is_default: true };
}
