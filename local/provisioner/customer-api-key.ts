import { customerApiKeyValue } from '#shared/customers/template-contract.ts';
import { UsagePlanError, type LocalApiKey, type LocalUsagePlans } from '../gateway/usage-plans.ts';

/** The customer template's API key, under its logical id in the synthesized template. */
export const API_KEY_LOGICAL_ID = 'ApiKey';

/**
 * The template's ApiKey (its value derived from the customer id) and the UsagePlanKey
 * putting it in the usage plan `usagePlanId`; or the logical id of the resource that
 * failed: a key with that value exists already (API key values are unique).
 */
export function createCustomerApiKey(usagePlans: LocalUsagePlans, customerId: string, usagePlanId: string): { key: LocalApiKey } | { failed: string } {
  let key: LocalApiKey;
  try {
    key = usagePlans.createKey(customerApiKeyValue(customerId));
  } catch (error) {
    if (error instanceof UsagePlanError) return { failed: API_KEY_LOGICAL_ID };
    throw error;
  }
  usagePlans.putKeyInPlan(key.id, usagePlanId);
  return { key: { ...key, usagePlanId } };
}
