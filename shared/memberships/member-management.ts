import { appendAudit, type AuditAction } from '../audit/audit-log.ts';
import { ForbiddenError } from '../http/errors.ts';
import type { Caller } from '../identity/caller.ts';
import { isPlatformGroup } from '../identity/groups.ts';
import { groupsOfUser } from '../identity/platform-roles.ts';
import {
  createOrFindUser,
  disableAndSignOut,
  enableUser,
  findUser,
  normalizeEmail,
  setDefaultCustomerAttribute,
  type DirectoryUser,
} from '../identity/user-directory.ts';
import { logger } from '../observability/logger.ts';
import { forgetMembership } from './membership-lookup.ts';
import type { Membership, MembershipRole } from './membership.ts';
import {
  deleteMembership,
  insertMembership,
  listUserMemberships,
  makeDefault,
  markRemoving,
  requireMembership,
  updateRole,
} from './repository.ts';
import { getUserState, moveDefault, recordDisabledBy } from './user-state.ts';

export interface Actor {
  readonly caller: Caller;
  readonly requestId: string;
  /** Confirmed by the access guard. */
  readonly platformAdmin: boolean;
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

/** Accounts of the platform's operators and machines are theirs to manage, never a customer's. */
const PLATFORM_ACCOUNT = new ForbiddenError(
  'This account belongs to the platform operators; only a platform administrator can add or remove it.',
);

async function refusePlatformAccount(userId: string, who: Actor): Promise<boolean> {
  const platformAccount = (await groupsOfUser(userId)).some(isPlatformGroup);
  if (platformAccount && !who.platformAdmin) throw PLATFORM_ACCOUNT;
  return platformAccount;
}

export interface AddedMember {
  readonly membership: Membership;
  readonly isDefault: boolean;
}

/**
 * Adds a user by email: an unknown email gets a Cognito user and an
 * invitation, a known one gets the membership. The answer is the same either
 * way, so a customer admin learns nothing about accounts elsewhere. A user's
 * first membership becomes the default; an existing default is never moved.
 * A disabled account is enabled again only by a platform admin, or by the
 * customer whose removal disabled it.
 */
export async function addMember(customerId: string, input: { email: string; role: MembershipRole }, who: Actor): Promise<AddedMember> {
  const email = normalizeEmail(input.email);
  const found = await findUser(email);
  const { user, created } = found ? { user: found, created: false } : await createOrFindUser(email, customerId);
  if (!created) await refusePlatformAccount(user.userId, who);
  const enabled = await enableIfAllowed(user, customerId, who);

  const now = new Date().toISOString();
  const requested: Membership = {
    user_id: user.userId,
    customer_id: customerId,
    email,
    role: input.role,
    added_at: now,
    added_by: who.caller.userId,
  };
  const { membership, inserted } = await insertMembership(requested, { clearDisabled: enabled });
  const isDefault = (await getUserState(user.userId))?.default_customer_id === customerId;
  // A new user was created with this customer as its default attribute already.
  if (!created && isDefault) await setDefaultCustomerAttribute(user.userId, customerId);
  // A retried add finds its membership written: it was audited then.
  if (inserted) await audit(customerId, 'membership.added', user.userId, who, { email, role: input.role });
  logger.info('member added', { member_user_id: user.userId, invited: created, enabled_again: enabled });
  return { membership, isDefault };
}

/** True when the account was disabled and this add may, and did, enable it again. */
async function enableIfAllowed(user: DirectoryUser, customerId: string, who: Actor): Promise<boolean> {
  if (user.enabled) return false;
  const state = await getUserState(user.userId);
  if (!who.platformAdmin && state?.disabled_by_customer !== customerId) {
    logger.warn('member added to a disabled account; it stays disabled until a platform admin enables it', {
      member_user_id: user.userId,
    });
    return false;
  }
  await enableUser(user.userId);
  return true;
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
 * Removes a membership, in three resumable steps. First it is marked as being
 * removed, with the last-admin check in the same transaction: from then on it
 * grants nothing, and of two admins removing each other only one gets past
 * this point (the other answers 409 and nothing changed). Then a user left
 * with no other membership is disabled and signed out everywhere (never a
 * platform account), or loses the default to another membership. Last, the
 * membership is deleted. A failure part-way leaves the mark; sending the
 * DELETE again finishes the removal. Two removals of the same user's last two
 * memberships at once both see the other's mark, so the account cannot end
 * with no membership and still enabled.
 */
export async function removeMember(customerId: string, userId: string, who: Actor): Promise<void> {
  const current = await requireMembership(userId, customerId, { includeRemoving: true });
  const platformAccount = await refusePlatformAccount(userId, who);
  if (!current.removing) await markRemoving(current, new Date());
  forgetMembership(userId, customerId);
  const others = (await listUserMemberships(userId)).filter((m) => m.customer_id !== customerId);
  const outcome = await prepareUserForRemoval(userId, customerId, others, platformAccount);
  await deleteMembership(current);
  await audit(customerId, 'membership.removed', userId, who, { email: current.email, role: current.role, ...outcome });
}

async function prepareUserForRemoval(
  userId: string,
  customerId: string,
  others: readonly Membership[],
  platformAccount: boolean,
): Promise<{ disabled: boolean; new_default?: string }> {
  if (others.length === 0) {
    if (platformAccount) {
      await moveDefault(userId, customerId, null);
      return { disabled: false };
    }
    await disableAndSignOut(userId);
    await recordDisabledBy(userId, customerId);
    await setDefaultCustomerAttribute(userId, null);
    logger.info('user disabled: no memberships left', { removed_user_id: userId });
    return { disabled: true };
  }
  const state = await getUserState(userId);
  if (state?.default_customer_id !== customerId) return { disabled: false };
  const next = [...others].sort((a, b) => a.added_at.localeCompare(b.added_at))[0] as Membership;
  if (await moveDefault(userId, customerId, next.customer_id)) await setDefaultCustomerAttribute(userId, next.customer_id);
  return { disabled: false, new_default: next.customer_id };
}

/**
 * The user themselves or a platform admin may make any of the user's
 * customers the default; an admin of this customer only for a user who has no
 * default (a customer admin never takes a user away from another customer).
 */
export async function setDefaultCustomer(customerId: string, userId: string, who: Actor): Promise<Membership> {
  const self = who.caller.userId === userId;
  if (!self && !who.platformAdmin && who.membership?.role !== 'admin') {
    throw new ForbiddenError("Only the user, an admin of this customer or a platform admin can change a user's default customer.");
  }
  // A user of another customer is not found here (404), whoever asks: nothing about them is told.
  const target = await requireMembership(userId, customerId);
  if (!self && !who.platformAdmin) {
    const current = (await getUserState(userId))?.default_customer_id;
    if (current !== undefined && current !== customerId) {
      throw new ForbiddenError("This user's default customer is another one; only the user or a platform admin can change it.");
    }
  }
  await makeDefault(userId, customerId);
  await setDefaultCustomerAttribute(userId, customerId);
  await audit(customerId, 'membership.default_changed', userId, who);
  return target;
}
