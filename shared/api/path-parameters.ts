import { CUSTOMER_ID_PATTERN, isCustomerId } from '../customers/customer-id.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import { PLAN_NAMES } from '../quotas/declarations.ts';
import { ISSUED_WORKSET_ID } from '../workset-lifecycle/workset-id.ts';

export interface PathParameterShape {
  readonly pattern: RegExp;
  readonly message: string;
  readonly example: string;
}

/**
 * What each path parameter may be, declared once (the API document publishes
 * these patterns). A value outside its shape cannot name anything that
 * exists, and some (a 3,000-character user id) would be refused by DynamoDB
 * as a key: it is a 400 before any lookup.
 */
export const PATH_PARAMETERS: Readonly<Record<string, PathParameterShape>> = {
  customer_id: { pattern: CUSTOMER_ID_PATTERN, message: 'must be a customer id such as acme-genomics-1a2b3c4d', example: 'acme-genomics-1a2b3c4d' },
  user_id: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    message: 'must be a user id (a UUID)',
    example: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
  },
  upload_id: { pattern: /^up-[0-9a-f]{24}$/, message: 'must be an upload id such as up-0123456789abcdef01234567', example: 'up-0123456789abcdef01234567' },
  workset_id: { pattern: ISSUED_WORKSET_ID, message: 'must be a workset id such as ws-0lx4k2j9a-1a2b3c4d', example: 'ws-0lx4k2j9a-1a2b3c4d' },
  plan_id: { pattern: new RegExp(`^(?:${PLAN_NAMES.join('|')})$`), message: `must be one of ${PLAN_NAMES.join(', ')}`, example: 'standard' },
};

/**
 * Refuses path parameters outside their shape. A `customer_id` outside it
 * names no customer (404); on customer-scoped routes the access guard has
 * already answered a non-member the same 403 whatever the id.
 */
export function assertPathParameters(params: Readonly<Record<string, string>>): void {
  const customerId = params.customer_id;
  if (customerId !== undefined && !isCustomerId(customerId)) {
    throw new NotFoundError(`Customer ${customerId.toWellFormed().slice(0, 64)} does not exist.`);
  }
  const errors = Object.entries(params)
    .filter(([name]) => name !== 'customer_id' && name !== 'plan_id')
    .filter(([name, value]) => PATH_PARAMETERS[name] && !PATH_PARAMETERS[name].pattern.test(value))
    .map(([name]) => ({ field: name, message: PATH_PARAMETERS[name]?.message ?? 'is not valid' }));
  if (errors.length > 0) throw new ValidationError(errors);
}
