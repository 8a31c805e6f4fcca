import type * as z from 'zod';
import { exportQuerySchema } from '../billing/export-request.ts';
import { startRolloutSchema } from '../customers/rollout-schemas.ts';
import { createCustomerSchema, listCustomersQuerySchema, offboardQuerySchema, updateCustomerSchema } from '../customers/schemas.ts';
import { pageQuerySchema } from '../http/page-query.ts';
import { addMemberSchema, changeRoleSchema } from '../memberships/schemas.ts';
import { planBodySchema, quotasPatchSchema } from '../quotas/schemas.ts';
import { completeUploadSchema, createUploadSchema } from '../uploads/schemas.ts';
import { historyQuerySchema } from '../usage/history.ts';
import { setStateBodySchema, worksetListQuerySchema } from '../workset-lifecycle/schemas.ts';
import { requireWorksetConfig, requireYamlDocument, yamlDocumentSchema } from '../worksets/http-validation.ts';
import { worksetRequestSchema } from '../worksets/schema.ts';
import type { RouteId } from './table.ts';

/** What a route reads from a request besides its path, as the handler validates it. */
export interface RequestSchemas {
  /** The JSON body's schema (its input side is what clients send); null: the route reads no body and ignores any. */
  readonly body: z.ZodType | null;
  /**
   * The function the handler validates the body with, when it is not the schema itself: it applies `body`
   * and checks what a schema cannot say (a YAML document's contents). @default the schema
   */
  readonly validateBody?: (raw: unknown) => unknown;
  /** The query string's schema (every value arrives as text); null: the route reads no query string and ignores any. */
  readonly query: z.ZodType | null;
}

/**
 * Every route's request schemas, by route id: the same objects the handlers
 * pass to `routeHandler` (test/unit/routes/request-schemas.test.ts proves it),
 * for what is generated from the route table (the fuzz suite, API documents).
 * Handlers do not import this map: it would bundle every route's schemas into
 * each function.
 */
export const requestSchemas = {
  'customers.create': { body: createCustomerSchema, query: null },
  'customers.list': { body: null, query: listCustomersQuerySchema },
  'customers.get': { body: null, query: null },
  'customers.update': { body: updateCustomerSchema, query: null },
  'customers.provision': { body: null, query: null },
  'customers.deactivate': { body: null, query: null },
  'customers.activate': { body: null, query: null },
  'customers.offboard': { body: null, query: offboardQuerySchema },
  'customers.statistics': { body: null, query: null },
  'quotas.get': { body: null, query: null },
  'usage.get': { body: null, query: null },
  'usage.history': { body: null, query: historyQuerySchema },
  'billing.export': { body: null, query: exportQuerySchema },
  'admin.status': { body: null, query: null },
  'quotas.update': { body: quotasPatchSchema, query: null },
  'plans.list': { body: null, query: null },
  'plans.put': { body: planBodySchema, query: null },
  'memberships.add': { body: addMemberSchema, query: null },
  'memberships.list': { body: null, query: pageQuerySchema },
  'memberships.changeRole': { body: changeRoleSchema, query: null },
  'memberships.remove': { body: null, query: null },
  'memberships.setDefault': { body: null, query: null },
  'audit.list': { body: null, query: pageQuerySchema },
  'me.get': { body: null, query: null },
  'users.customers': { body: null, query: null },
  'uploads.create': { body: createUploadSchema, query: null },
  'uploads.complete': { body: completeUploadSchema, query: null },
  'uploads.abort': { body: null, query: null },
  'worksets.submit': { body: worksetRequestSchema, validateBody: requireWorksetConfig, query: null },
  'worksets.list': { body: null, query: worksetListQuerySchema },
  'worksets.get': { body: null, query: null },
  'worksets.cancel': { body: null, query: null },
  'worksets.setState': { body: setStateBodySchema, query: null },
  'worksets.generateYaml': { body: worksetRequestSchema, validateBody: requireWorksetConfig, query: null },
  'worksets.validateYaml': { body: yamlDocumentSchema, validateBody: requireYamlDocument, query: null },
  'admin.rollout.start': { body: startRolloutSchema, query: null },
  'admin.rollout.get': { body: null, query: null },
  'schemas.workset': { body: null, query: null },
  'openapi.document': { body: null, query: null },
} as const satisfies Record<RouteId, RequestSchemas>;

/** The request schemas of one route. */
export function requestSchemasOf(id: RouteId): RequestSchemas {
  return requestSchemas[id];
}
