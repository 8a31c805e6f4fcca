import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { isCustomerId } from '../customers/customer-id.ts';
import { getCustomer } from '../customers/repository.ts';
import { PLATFORM_ADMIN_GROUP } from '../identity/groups.ts';
import { findMembership } from '../memberships/membership-lookup.ts';
import type { AuthorizerContext } from './authorizer-context.ts';
import { authorizeBearerToken } from './authorize-token.ts';
import { apiIdOf, usageIdentifierKey } from './usage-identifier.ts';

/**
 * The REQUEST authorizer of customer-scoped routes: the token is verified and
 * answered exactly as the TOKEN authorizer does (authorize-token.ts), and an accepted
 * one also names the usage bucket the request counts against (usage-identifier.ts).
 *
 * API Gateway caches the result by the identity sources, the Authorization header and
 * `$context.path`; the path carries the customer id, so a result naming one customer's
 * key is never reused for another customer. It is reused for every method on that
 * path, which is why the policy stays the whole stage and the key depends on the
 * caller and the customer only.
 */
export async function authorizeCustomerRequest(
  authorization: string | undefined,
  customerId: string,
  methodArn: string,
): Promise<APIGatewayAuthorizerResult> {
  const result = await authorizeBearerToken(authorization, methodArn);
  if (!allows(result)) return result;
  const caller = result.context as unknown as AuthorizerContext;
  const claimsPlatformAdmin = caller.groups.split(',').includes(PLATFORM_ADMIN_GROUP);
  const lookUp = !claimsPlatformAdmin && isCustomerId(customerId);
  const [membership, customer] = lookUp ? await Promise.all([findMembership(caller.user_id, customerId), getCustomer(customerId)]) : [];
  const usageKey = usageIdentifierKey({
    apiId: apiIdOf(methodArn),
    customerId,
    claimsPlatformAdmin,
    isMember: membership !== undefined,
    customerStatus: customer?.status,
  });
  return { ...result, usageIdentifierKey: usageKey };
}

function allows(result: APIGatewayAuthorizerResult): boolean {
  return result.policyDocument.Statement.some((statement) => statement.Effect === 'Allow');
}
