import { effectiveQuotas, type EffectiveQuotas } from '../quotas/effective.ts';
import { allPlans } from '../quotas/plans.ts';
import { toCustomer, type Customer, type CustomerItem } from './customer.ts';

/** A customer as the API shows it, with its effective limits (its plan as currently edited, or its overrides). */
export async function customerView(item: CustomerItem): Promise<Customer> {
  return toCustomer(item, await allPlans());
}

export async function customerViews(items: readonly CustomerItem[]): Promise<Customer[]> {
  const plans = await allPlans();
  return items.map((item) => toCustomer(item, plans));
}

/** Each quota's limit, where it comes from and its mode, for this customer now. */
export async function quotasOf(item: CustomerItem): Promise<EffectiveQuotas> {
  const plans = await allPlans();
  return effectiveQuotas(item, (plans[item.plan] ?? plans.standard).quotas);
}
