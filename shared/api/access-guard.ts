import { appendAudit } from '../audit/audit-log.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { isCustomerId } from '../customers/customer-id.ts';
import { getCustomer } from '../customers/repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, TenantAccessDeniedError, UnauthorizedError } from '../http/errors.ts';
import { PLATFORM_ADMIN_GROUP, PLATFORM_SERVICE_GROUP } from '../identity/groups.ts';
import { confirmedPlatformGroups } from '../identity/platform-roles.ts';
import { findMembership } from '../memberships/membership-lookup.ts';
import { roleSatisfies, type Membership } from '../memberships/membership.ts';
import type { RouteDefinition } from '../routes/types.ts';
import type { Caller } from './caller.ts';
import { authorizeOpen } from './open-access.ts';

export interface AccessGrant {
  /** The caller is a platform admin, confirmed in the directory (false on public and authenticated routes). */
  readonly platformAdmin: boolean;
  /** Set on customer-scoped routes. */
  readonly customer?: CustomerItem;
  /** The caller's membership; absent for platform admins acting on a customer they do not belong to. */
  readonly membership?: Membership;
}

interface GuardInput {
  readonly route: RouteDefinition;
  readonly caller: Caller | undefined;
  readonly customerId: string | undefined;
  readonly requestId: string;
}

/**
 * Enforces the route's access rule. Customer-scoped routes pass for a member
 * with the required role or a platform admin; anyone else gets the same 403
 * whether the customer exists or not, and the attempt is audited.
 */
export async function authorize({ route, caller, customerId, requestId }: GuardInput): Promise<AccessGrant> {
  const access = route.access;
  if (access.kind === 'public' || access.kind === 'authenticated') return authorizeOpen({ route, caller });
  if (!caller) throw new UnauthorizedError();
  const groups = await confirmedPlatformGroups(caller.userId, caller.claimedGroups);
  const admin = groups.includes(PLATFORM_ADMIN_GROUP);
  if (access.kind === 'platform-admin') {
    if (!admin) throw new ForbiddenError('This action requires a platform administrator.');
    return { platformAdmin: true };
  }
  if (access.kind === 'service') {
    if (!admin && !groups.includes(PLATFORM_SERVICE_GROUP)) throw new ForbiddenError('This action requires a platform service account.');
    const customer = customerId !== undefined && isCustomerId(customerId) ? await getCustomer(customerId) : undefined;
    if (customerId !== undefined && !customer) throw new NotFoundError(`Customer ${customerId.toWellFormed().slice(0, 64)} does not exist.`);
    return { platformAdmin: admin, ...(customer ? { customer } : {}) };
  }

  const id = customerId ?? '';
  const membership = !admin && isCustomerId(id) ? await findMembership(caller.userId, id) : undefined;
  if (!admin && !membership) {
    await appendAudit({
      customerId: isCustomerId(id) ? id : '_invalid',
      action: 'tenant_access_denied',
      actor: caller.userId,
      actorEmail: caller.email,
      target: `${route.method} ${route.path}`,
      requestId,
      details: { customer_id: id.toWellFormed().slice(0, 64), route: route.id },
    });
    throw new TenantAccessDeniedError();
  }
  if (membership && !roleSatisfies(membership.role, access.role)) {
    throw new ForbiddenError(`This action requires the '${access.role}' role in customer ${id}.`);
  }

  const customer = isCustomerId(id) ? await getCustomer(id) : undefined;
  if (!customer) {
    // Only platform admins can get here without a membership; members always have a customer.
    throw new NotFoundError(`Customer ${id.toWellFormed().slice(0, 64)} does not exist.`);
  }
  if (admin) assertOpenToAdmins(customer, access.write);
  else assertOpenToMembers(customer, access.write);
  return { platformAdmin: admin, customer, ...(membership ? { membership } : {}) };
}

const CLOSED = new Set(['OFFBOARDING', 'OFFBOARDED']);

/** Members of a suspended customer may read; an offboarded customer is closed to members. */
function assertOpenToMembers(customer: CustomerItem, write: boolean): void {
  if (CLOSED.has(customer.status)) {
    throw new ForbiddenError(`Customer ${customer.customer_id} has been offboarded.`, { customer_status: customer.status });
  }
  if (write && customer.status !== 'ACTIVE') {
    const why = customer.status === 'INACTIVE' ? 'is deactivated' : `is not active (${customer.status})`;
    throw new ForbiddenError(`Customer ${customer.customer_id} ${why}; changes are refused until it is active.`, {
      customer_status: customer.status,
    });
  }
}

/** Platform admins may read an offboarded customer and act on a suspended one, but nothing is written to an offboarded one. */
function assertOpenToAdmins(customer: CustomerItem, write: boolean): void {
  if (write && CLOSED.has(customer.status)) {
    throw new ConflictError(`Customer ${customer.customer_id} has been offboarded; it accepts no new uploads, members or other changes.`, {
      customer_status: customer.status,
    });
  }
}
