import { isCustomerId } from '../customers/customer-id.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import { isWorksetId } from '../workset-lifecycle/workset-id.ts';

/**
 * What each path parameter may be, declared once. A value outside its shape
 * cannot name anything that exists, and some (a 3,000-character user id)
 * would be refused by DynamoDB as a key: it is a 400 before any lookup.
 */
const SHAPES: Record<string, { readonly test: (value: string) => boolean; readonly message: string }> = {
  customer_id: { test: isCustomerId, message: 'must be a customer id such as acme-genomics-1a2b3c4d' },
  user_id: {
    test: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value),
    message: 'must be a user id (a UUID)',
  },
  upload_id: { test: (value) => /^up-[0-9a-f]{24}$/.test(value), message: 'must be an upload id such as up-0123456789abcdef01234567' },
  workset_id: { test: isWorksetId, message: 'must be a workset id such as ws-0lx4k2j9a-1a2b3c4d' },
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
    .filter(([name]) => name !== 'customer_id')
    .filter(([name, value]) => SHAPES[name] && !SHAPES[name].test(value))
    .map(([name]) => ({ field: name, message: SHAPES[name]?.message ?? 'is not valid' }));
  if (errors.length > 0) throw new ValidationError(errors);
}
