import * as z from 'zod';
import { auditPageSchema } from '../audit/response-schemas.ts';
import { billingExportSchema } from '../billing/response-schemas.ts';
import { customerListSchema, customerSchema, customerStatisticsSchema } from '../customers/response-schemas.ts';
import { rolloutProgressSchema, rolloutStartedSchema } from '../customers/rollout-response-schemas.ts';
import { profileSchema, userCustomersSchema } from '../identity/response-schemas.ts';
import { memberListSchema, memberSchema } from '../memberships/response-schemas.ts';
import { platformStatusSchema } from '../platform-status/response-schemas.ts';
import { planSchema, plansListSchema, quotaReportSchema } from '../quotas/response-schemas.ts';
import { createdUploadSchema, uploadSchema } from '../uploads/response-schemas.ts';
import { usageHistorySchema, usageReportSchema } from '../usage/response-schemas.ts';
import { worksetListSchema, worksetSchema } from '../workset-lifecycle/response-schemas.ts';
import { generatedYamlSchema, publishedWorksetSchemaSchema, yamlValidationSchema } from '../worksets/response-schemas.ts';
import {
  activeCustomerExample,
  auditPageExample,
  completedUploadExample,
  completedWorksetExample,
  createdUploadExample,
  customerExample,
  customerListExample,
  declaredPlansExample,
  generatedYamlExample,
  memberExample,
  usageExample,
  worksetExample,
  yamlValidationExample,
} from './response-examples.ts';
import type { ResponseSpec } from './response-types.ts';
import type { RouteId } from './table.ts';

/** Answers a customer route refuses for admins of an offboarded customer, on every customer write route. */
const OFFBOARDED_409 = 'The customer is offboarded (a platform admin acting on it): it accepts no changes. `customer_status` says so.';
/** The access guard's 403 on customer write routes, said again where a route adds its own reasons. */
const CUSTOMER_WRITE_403 =
  "The caller is not a member of this customer with the role this route needs (the same answer whether the customer exists or not), or the customer is not ACTIVE (`customer_status` says what it is; an offboarded one refuses reads too).";
const CUSTOMER_404 = 'No customer has this id';
/** Routes that read no query string still refuse one that does not decode as text (the chain checks every request's query). */
const QUERY_400 = 'The query string does not decode as well-formed text.';
const PAGE_400 = 'The query is invalid: `limit` outside 1-100, or a `next_token` this listing did not return (`errors` says which).';

const LOCATION = (what: string) => ({ Location: { description: `The path of ${what}.`, required: true } });
const REPLAYED = {
  'Idempotent-Replayed': { description: '`true` when an earlier request with the same key (or, for customers, the same name and email) created it; absent otherwise.' },
};
const CUSTOMER_TRANSITION_409 = (when: string) =>
  `The customer's status does not allow it (${when}): \`current_status\` and \`allowed_statuses\` say why.`;

/**
 * Every route's answers, by route id: its success variants (status, body
 * schema, media type, headers clients rely on, examples) and the problems it
 * answers beyond those of its access rule and request schemas (added by the
 * API document's generator). Read from the handlers and the code they call.
 */
export const responseSchemas = {
  'customers.create': {
    success: [
      {
        status: 202,
        description:
          'The customer is recorded PROVISIONING and its stack requested; poll `GET /customers/{customer_id}` until ACTIVE. A retry with the same Idempotency-Key (a day), or the same name and email without one (15 minutes), answers the same customer, 202 again.',
        body: customerSchema,
        headers: { ...LOCATION('the customer'), ...REPLAYED },
        examples: { onboarded: { summary: 'The Daylily customer, just onboarded', value: customerExample } },
      },
    ],
    problems: {
      409: 'A customer with this name and email was onboarded in the last 15 minutes with other settings (`existing_customer_id` names it): change it with PATCH, or send an Idempotency-Key to onboard another.',
      422: 'This Idempotency-Key was already used with a different request body.',
    },
  },
  'customers.list': {
    success: [{ status: 200, description: 'One page of customers, newest first.', body: customerListSchema, examples: { page: { summary: 'A page with more after it', value: customerListExample } } }],
    problems: { 400: `${PAGE_400} Also a \`status\` outside the statuses, or a token of a listing with another \`status\`.` },
  },
  'customers.get': {
    success: [{ status: 200, description: 'The customer.', body: customerSchema, examples: { active: { summary: 'An active customer', value: activeCustomerExample } } }],
  },
  'customers.update': {
    success: [{ status: 200, description: 'The customer as changed. A change of plan or billing fields is also pushed to its stack (bucket tags, usage plan).', body: customerSchema }],
    problems: {
      409: "The customer is OFFBOARDING or OFFBOARDED (`current_status`, `allowed_statuses`); or it was updated but its stack is still applying an earlier change: send the same PATCH again after `retry_after_seconds` (30, also sent as `Retry-After`).",
      502: 'The customer was updated but CloudFormation refused to update its stack (bucket tags, API usage plan): send the same PATCH again.',
    },
  },
  'customers.provision': {
    success: [
      {
        status: 202,
        description: 'A PROVISION_FAILED customer gets a new attempt; a PROVISIONING one is caught up with its stack. The customer is PROVISIONING (or already further).',
        body: customerSchema,
      },
    ],
    problems: {
      409: `${CUSTOMER_TRANSITION_409('only PROVISION_FAILED or PROVISIONING')} Also when the failed attempt's stack is still rolling back (\`stack_status\`, \`retry_after_seconds\` 15, also sent as \`Retry-After\`) or in a state a new attempt cannot replace.`,
    },
  },
  'customers.deactivate': {
    success: [{ status: 200, description: 'The customer, now INACTIVE: members keep read access, writes are refused.', body: customerSchema }],
    problems: { 409: CUSTOMER_TRANSITION_409('only an ACTIVE customer can be deactivated') },
  },
  'customers.activate': {
    success: [{ status: 200, description: 'The customer, ACTIVE again.', body: customerSchema }],
    problems: { 409: CUSTOMER_TRANSITION_409('only an INACTIVE customer can be activated') },
  },
  'customers.offboard': {
    success: [
      {
        status: 202,
        description: 'The customer is OFFBOARDING while its stack is deleted (OFFBOARDED at once when there is no stack, or when it already was); its bucket and record are kept.',
        body: customerSchema,
      },
    ],
    problems: {
      400: '`confirm` is missing or does not repeat the customer id.',
      409: CUSTOMER_TRANSITION_409('a PROVISIONING customer cannot be offboarded until its stack settles'),
    },
  },
  'customers.statistics': {
    success: [{ status: 200, description: "The customer's members by role, its limits, worksets and storage.", body: customerStatisticsSchema }],
  },
  'quotas.get': {
    success: [{ status: 200, description: 'Every quota with its limit, use, source (plan or override) and mode.', body: quotaReportSchema }],
  },
  'usage.get': {
    success: [{ status: 200, description: 'Usage now against the limits, from the counter item.', body: usageReportSchema, examples: { daylily: { summary: 'The Daylily customer', value: usageExample } } }],
  },
  'usage.history': {
    success: [{ status: 200, description: 'Every month from `from` to `to` (by default the last twelve).', body: usageHistorySchema }],
    problems: { 400: 'A month is not YYYY-MM, `from` is after `to`, or more than 36 months are asked for.' },
  },
  'billing.export': {
    success: [
      {
        status: 303,
        description: 'The export is written to the finance bucket; `Location` is a five-minute download link (also in the body).',
        body: billingExportSchema,
        headers: { Location: { description: 'Presigned GET of the export file (CSV, or JSON lines).', required: true } },
      },
    ],
    problems: {
      400: '`period` is missing, not YYYY-MM, or a month that has not begun.',
      406: 'Without `format`, an `Accept` that allows neither text/csv nor application/x-ndjson; `available` lists both.',
    },
  },
  'admin.status': {
    success: [{ status: 200, description: 'The fleet: customers by status, plan and template version, storage, worksets, failures, stuck customers, dead-letter queues.', body: platformStatusSchema }],
    problems: { 400: QUERY_400 },
  },
  'quotas.update': {
    success: [{ status: 200, description: "The customer's quotas as changed.", body: quotaReportSchema }],
    problems: { 409: 'The customer is OFFBOARDING or OFFBOARDED: its quotas can no longer change (`current_status`, `allowed_statuses`).' },
  },
  'plans.list': {
    success: [{ status: 200, description: 'Every plan with its limits, and every quota declared.', body: plansListSchema, examples: { declared: { summary: 'No plan edited yet', value: declaredPlansExample } } }],
    problems: { 400: QUERY_400 },
  },
  'plans.put': {
    success: [{ status: 200, description: 'The plan as saved; customers on it without an override follow it within a minute.', body: planSchema }],
    problems: {
      400: "The body is invalid, or it changes a limit the plan's API Gateway usage plan applies (`requests_per_second`, `burst`: set at deploy); `errors` lists each.",
      404: 'No plan has this id (plans are free, standard, premium, enterprise).',
    },
  },
  'memberships.add': {
    success: [
      {
        status: 201,
        description: 'The membership (an unknown email is invited through Cognito first). Adding the same user with the same role again answers the same membership.',
        body: memberSchema,
        headers: LOCATION('the membership'),
        examples: { member: { summary: 'A new member, whose first customer this is', value: memberExample } },
      },
    ],
    problems: {
      403: `${CUSTOMER_WRITE_403} Also when the email is a platform account and the caller is not a platform admin.`,
      409: `The user is already a member with another role, or is being removed. ${OFFBOARDED_409}`,
    },
  },
  'memberships.list': {
    success: [{ status: 200, description: "One page of the customer's members.", body: memberListSchema }],
    problems: { 400: PAGE_400 },
  },
  'memberships.changeRole': {
    success: [{ status: 200, description: 'The membership with its new role.', body: memberSchema }],
    problems: {
      404: `${CUSTOMER_404}, or the user is not a member of it.`,
      409: `The last admin cannot become a member, or the membership changed meanwhile (read it again). ${OFFBOARDED_409}`,
    },
  },
  'memberships.remove': {
    success: [{ status: 204, description: 'Removed; a user left with no membership is disabled and signed out.', body: null }],
    problems: {
      403: `${CUSTOMER_WRITE_403} Also when the user is a platform account and the caller is not a platform admin.`,
      404: `${CUSTOMER_404}, or the user is not a member of it.`,
      409: `The last admin cannot be removed, or the membership changed meanwhile. ${OFFBOARDED_409}`,
    },
  },
  'memberships.setDefault': {
    success: [{ status: 200, description: "The membership, now the user's default.", body: memberSchema }],
    problems: {
      403: `${CUSTOMER_WRITE_403} Also when the caller is neither the user, an admin of this customer nor a platform admin, or is a customer admin and the user's default is another customer.`,
      404: `${CUSTOMER_404}, or the user is not a member of it.`,
      409: OFFBOARDED_409,
    },
  },
  'audit.list': {
    success: [{ status: 200, description: "One page of the customer's audit trail, newest first.", body: auditPageSchema, examples: { page: { summary: 'The last page', value: auditPageExample } } }],
    problems: { 400: PAGE_400 },
  },
  'me.get': {
    success: [{ status: 200, description: 'The signed-in user: profile, memberships, default customer.', body: profileSchema }],
    problems: { 400: QUERY_400 },
  },
  'users.customers': {
    success: [{ status: 200, description: "The user's memberships (none for an unknown user).", body: userCustomersSchema }],
    problems: { 404: null },
  },
  'uploads.create': {
    success: [
      {
        status: 201,
        description: 'The upload, its bytes reserved against the storage quota, with the presigned URL(s) that put the file in the customer bucket for 15 minutes: one PUT up to 5 GiB, else a multipart upload.',
        body: createdUploadSchema,
        examples: { single: { summary: 'A 2 GiB file: one signed PUT', value: createdUploadExample } },
      },
    ],
    problems: {
      400: 'The body is invalid, or `filename` is not a FASTQ file name (`errors`, with `accepted` extensions).',
      409: 'The customer has no bucket to upload to (a platform admin on a customer neither ACTIVE nor INACTIVE; `customer_status`).',
      429: 'The file would take the customer over its storage quota: `quota` (max_storage_gb), `limit`, `used`, `used_bytes`, `reserved_bytes`, `limit_bytes`, `requested_bytes`.',
    },
  },
  'uploads.complete': {
    success: [{ status: 200, description: 'The upload, COMPLETED (also when an earlier attempt completed it).', body: uploadSchema, examples: { completed: { summary: 'An 8 GiB file, completed', value: completedUploadExample } } }],
    problems: {
      400: 'The body is invalid, a part number is beyond the upload\'s parts, or S3 refused the parts (wrong ETag, order, a part too small).',
      404: `${CUSTOMER_404}, or no upload has this id for it.`,
      409: `The upload is not PENDING (aborted, expired, rejected), or it is a single PUT with nothing to complete. ${OFFBOARDED_409}`,
      422: 'The completed object does not have the declared size: it was deleted and the upload is REJECTED; start a new one.',
    },
  },
  'uploads.abort': {
    success: [{ status: 200, description: 'The upload, ABORTED; its reservation released.', body: uploadSchema }],
    problems: {
      404: `${CUSTOMER_404}, or no upload has this id for it.`,
      409: `The upload is no longer PENDING, or it is a single PUT with nothing to abort. ${OFFBOARDED_409}`,
    },
  },
  'worksets.submit': {
    success: [
      {
        status: 201,
        description: "Admitted under the customer's quotas and handed to the runner (its folder is written in the customer bucket).",
        body: worksetSchema,
        headers: { ...LOCATION('the workset'), ...REPLAYED },
        examples: { submitted: { summary: 'The Daylily request, admitted', value: worksetExample } },
      },
      {
        status: 200,
        description: 'A retry with the same Idempotency-Key: the workset the first request submitted, as it is now. No second slot is taken.',
        body: worksetSchema,
        headers: { ...LOCATION('the workset'), 'Idempotent-Replayed': { description: '`true`.', required: true } },
      },
    ],
    problems: {
      403: `${CUSTOMER_WRITE_403} Also when a FASTQ location or the export URI is outside the customer bucket (\`errors\` lists them).`,
      409: OFFBOARDED_409,
      422: "More samples than the customer's `max_samples_per_workset` (`quota`, `limit`, `used`), or this Idempotency-Key was already used with a different body.",
      429: 'A quota refused admission: `quota` is max_concurrent_worksets, max_runs_per_month (with `resets_at` and `retry_after_seconds`, also sent as `Retry-After`) or max_storage_gb, with `limit` and `used`.',
    },
  },
  'worksets.list': {
    success: [{ status: 200, description: "One page of the customer's worksets, newest first.", body: worksetListSchema }],
    problems: { 400: `${PAGE_400} Also a \`state\` outside the workset states.` },
  },
  'worksets.get': {
    success: [{ status: 200, description: 'The workset, with its state history.', body: worksetSchema, examples: { complete: { summary: 'A finished run', value: completedWorksetExample } } }],
    problems: { 404: `${CUSTOMER_404}, or no workset has this id for it.` },
  },
  'worksets.cancel': {
    success: [{ status: 200, description: 'The workset, canceled: its slot is released and daylily.ignore tells the runner to skip it. Canceling again writes the sentinel again.', body: worksetSchema }],
    problems: {
      404: `${CUSTOMER_404}, or no workset has this id for it.`,
      409: `The workset's state cannot become canceled (\`current_state\`, \`allowed_states\`), or it changed meanwhile. ${OFFBOARDED_409}`,
    },
  },
  'worksets.setState': {
    success: [{ status: 200, description: 'The workset in its new state (unchanged when it already was in it).', body: worksetSchema }],
    problems: {
      403: "The caller is neither a platform service account nor a platform admin; or the workset would take a slot again (`retrying`) while its customer is not active (`customer_status`).",
      404: `${CUSTOMER_404}, or no workset has this id for it.`,
      409: "The workset's state cannot move there (`current_state`, `allowed_states`), or it changed meanwhile.",
      429: 'Entering `retrying` needs a concurrency slot and none is free: `quota` max_concurrent_worksets, `limit`, `used`.',
    },
  },
  'worksets.generateYaml': {
    success: [
      {
        status: 200,
        description: 'daylily_work.yaml for the request, its normalized config, an estimate and a preview of the run file (always JSON: the YAML is the `yaml_content` string).',
        body: generatedYamlSchema,
        examples: { daylily: { summary: "The Daylily portal's request", value: generatedYamlExample } },
      },
    ],
    problems: { 403: "A location names another customer's bucket, of a customer the caller does not belong to (`errors` lists them)." },
  },
  'worksets.validateYaml': {
    success: [
      {
        status: 200,
        description: "The document read: a workset (its normalized config and estimate) or the runner's monitor-format run file (`valid` false when its `dy-r` matches no target).",
        body: yamlValidationSchema,
        examples: { workset: { summary: 'A workset document', value: yamlValidationExample } },
      },
    ],
    problems: { 400: 'The body is not `{ yaml_content }` (or a YAML body), or the document is not valid: `errors` lists every problem with its path.' },
  },
  'admin.rollout.start': {
    success: [{ status: 202, description: 'The rollout to the template in force is recorded (once) and advanced by one batch; the reconcile sweep continues it.', body: rolloutStartedSchema }],
  },
  'admin.rollout.get': {
    success: [{ status: 200, description: 'Where every customer stands against the template in force.', body: rolloutProgressSchema }],
    problems: { 400: QUERY_400 },
  },
  'schemas.workset': {
    success: [
      {
        status: 200,
        description: 'The workset JSON Schema (draft 2020-12).',
        body: publishedWorksetSchemaSchema,
        contentType: 'application/schema+json',
        headers: {
          'X-Schema-Version': { description: 'The schema version, the last part of its `$id` (`1.0`).', required: true },
          'Cache-Control': { description: '`public, max-age=3600`.' },
        },
      },
    ],
    problems: { 400: QUERY_400 },
  },
  'openapi.document': {
    success: [
      {
        status: 200,
        description: 'This document.',
        body: z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document.' }),
        headers: { 'Cache-Control': { description: '`public, max-age=300`.' } },
      },
    ],
    problems: { 400: QUERY_400 },
  },
} as const satisfies Record<RouteId, ResponseSpec>;
