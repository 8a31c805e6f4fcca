import type { Grants, TableAction, ServiceAction } from '../permissions/actions.ts';
import type { TableName } from '../tables/definitions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route. Every route must declare one; `assertRouteTable`
 * refuses a table where any route lacks it, and both the CDK app and the
 * local gateway call it, so such a route fails synth, `npm start` and the tests.
 */
export type AccessRule =
  /** No token needed (published documents such as the workset JSON Schema). */
  | { readonly kind: 'public' }
  /** Any signed-in user. */
  | { readonly kind: 'authenticated' }
  /** Members of the `platform-admin` group only. */
  | { readonly kind: 'platform-admin' }
  /**
   * The platform's own service accounts (`platform-service`, e.g. the runner's
   * integration) and platform admins; a `{customer_id}` in the path must name
   * an existing customer.
   */
  | { readonly kind: 'service' }
  /**
   * Members of the customer named by the `{customer_id}` path parameter with at
   * least `role`, or platform admins. `write` routes are refused while the
   * customer is not active.
   */
  | { readonly kind: 'customer'; readonly role: 'member' | 'admin'; readonly write: boolean };

export interface RouteDefinition {
  /** Stable identifier, used by handlers to find their own route. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway style path: `/customers/{customer_id}`. */
  readonly path: string;
  /** Entry under `functions/`, without extension: `customers/get` → `functions/customers/get.ts`. */
  readonly handler: string;
  readonly access: AccessRule;
  readonly summary: string;
  /** The DynamoDB actions its code calls, per table (the access guard's own are added by `grantsFor`). */
  readonly tables: Partial<Record<TableName, readonly TableAction[]>>;
  /** The other AWS actions its code calls. */
  readonly actions?: readonly ServiceAction[];
  /** Object actions on the platform's own buckets. */
  readonly buckets?: Grants['buckets'];
  /** Query-string parameters API Gateway must see before invoking the handler. */
  readonly requiredQuery?: readonly string[];
  /** Longer than the default timeout, for routes that call other AWS services. */
  readonly timeoutSeconds?: number;
}
