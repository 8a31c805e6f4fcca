import { appendAudit } from '../audit/audit-log.ts';
import type { CustomerItem } from '../customers/customer.ts';
import { isCustomerId } from '../customers/customer-id.ts';
import { getCustomer } from '../customers/repository.ts';
import { isPlatformAdmin, type Caller } from '../http/caller.ts';
import { ForbiddenError, NotFoundError, TenantAccessDeniedError, UnauthorizedError } from '../http/errors.ts';
import { findMembership } from '../memberships/membership-lookup.ts';
import { roleSatisfies, type Membership } from '../memberships/membership.ts';
import type { RouteDefinition } from '../routes/types.ts';

export interface AccessGrant {
  readonly customer?: CustomerItem;
  /** Absent for platform admins acting on a customer they do not belong to. */
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
  if (access.kind === 'public') return {};
  if (!caller) throw new UnauthorizedError();
  if (access.kind === 'authenticated') return {};
  const admin = isPlatformAdmin(caller);
  if (access.kind === 'platform-admin') {
    if (!admin) throw new ForbiddenError('This action requires a platform administrator.');
    return {};
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
      details: { customer_id: id, route: route.id },
    });
    throw new TenantAccessDeniedError();
  }
  if (membership && !roleSatisfies(membership.role, access.role)) {
    throw new ForbiddenError(`This action requires the '${access.role}' role in customer ${id}.`);
  }

  const customer = isCustomerId(id) ? await getCustomer(id) : undefined;
  if (!customer) {
    // Only platform admins can get here without a membership; members always have a customer.
    throw new NotFoundError(`Customer ${id} does not exist.`);
  }
  if (!admin) assertCustomerOpen(customer, access.write);
  return { customer, ...(membership ? { membership } : {}) };
}

/** Members of a suspended customer may read; an offboarded customer is closed to members. */
function assertCustomerOpen(customer: CustomerItem, write: boolean): void {
  if (customer.status === 'OFFBOARDED' || customer.status === 'OFFBOARDING') {
    throw new ForbiddenError(`Customer ${customer.customer_id} has been offboarded.`, { customer_status: customer.status });
  }
  if (write && customer.status !== 'ACTIVE') {
    const why = customer.status === 'INACTIVE' ? 'is deactivated' : `is not active (${customer.status})`;
    throw new ForbiddenError(`Customer ${customer.customer_id} ${why}; changes are refused until it is active.`, {
      customer_status: customer.status,
    });
  }
}
