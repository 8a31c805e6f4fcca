import { isCustomerId } from '../customers/customer-id.ts';
import type { CustomerStatus } from '../customers/status.ts';
import { customerApiKeyValue } from '../customers/template-contract.ts';

/**
 * Which API Gateway usage bucket a request on a customer-scoped route counts against.
 * API keys are only usage buckets here: clients never send them, the REQUEST
 * authorizer returns one as `usageIdentifierKey` (the API's key source is AUTHORIZER).
 *
 * A customer's key (in its plan's usage plan) takes only requests of the customer's
 * members, so nobody else can spend its rate limit. Platform admins, non-members and
 * requests for a customer whose stack holds no key share the platform key, whose usage
 * plan sets no throttle: the stage's default throttle governs them, as it governs
 * every route that is not customer-scoped. Those requests stay the access guard's to
 * refuse or audit; the key only decides whose limit they spend.
 */

/**
 * Customers whose stack holds their API key: the stack's CREATE_COMPLETE makes a
 * customer ACTIVE, and offboarding (which deletes the stack, and the key with it)
 * starts by making it OFFBOARDING. A key API Gateway cannot find answers 403
 * ("Choose an API key source in API Gateway"), so no other customer's key is named.
 */
const STATUSES_WITH_KEY: ReadonlySet<CustomerStatus> = new Set<CustomerStatus>(['ACTIVE', 'INACTIVE']);

/** The platform key's value: one per API (its id), so two deployments in one account never share a value. */
export function platformApiKeyValue(apiId: string): string {
  return `PorticoPlatform${apiId}`;
}

/** `arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<METHOD>/<path>` → the API id. */
export function apiIdOf(methodArn: string): string {
  return methodArn.split(':')[5]?.split('/')[0] ?? '';
}

export interface UsageAttribution {
  /** The API the request was made to, from the method ARN. */
  readonly apiId: string;
  /** The `{customer_id}` of the path, as sent. */
  readonly customerId: string;
  /** The token claims the platform-admin group (the access guard confirms it; here it only picks the bucket). */
  readonly claimsPlatformAdmin: boolean;
  /** The caller is a member of the customer. */
  readonly isMember: boolean;
  /** The customer's status; undefined when there is no such customer. */
  readonly customerStatus: CustomerStatus | undefined;
}

export function usageIdentifierKey(request: UsageAttribution): string {
  const customersOwn =
    !request.claimsPlatformAdmin &&
    request.isMember &&
    isCustomerId(request.customerId) &&
    request.customerStatus !== undefined &&
    STATUSES_WITH_KEY.has(request.customerStatus);
  return customersOwn ? customerApiKeyValue(request.customerId) : platformApiKeyValue(request.apiId);
}
