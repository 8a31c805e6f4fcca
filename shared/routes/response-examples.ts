import type * as z from 'zod';
import type { auditPageSchema } from '../audit/response-schemas.ts';
import type { customerListSchema, customerSchema } from '../customers/response-schemas.ts';
import type { memberSchema } from '../memberships/response-schemas.ts';
import { declaredPlanQuotas, PLAN_NAMES } from '../quotas/declarations.ts';
import { plansView } from '../quotas/plan-views.ts';
import type { createdUploadSchema, uploadSchema } from '../uploads/response-schemas.ts';
import type { usageReportSchema } from '../usage/response-schemas.ts';
import type { worksetSchema } from '../workset-lifecycle/response-schemas.ts';
import { estimateWorkset } from '../worksets/estimate.ts';
import { normalizeWorksetRequest } from '../worksets/normalize.ts';
import type { generatedYamlSchema, yamlValidationSchema } from '../worksets/response-schemas.ts';
import { previewRunFile } from '../worksets/runner-files/runner-files.ts';
import { DAYLILY_WORKSET_REQUEST, DAYLILY_WORKSET_YAML } from './request-examples.ts';

const ADMIN = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const MEMBER = '0b7e4d2c-91a3-4f6e-b5c8-2d1e9f3a7c60';
const ACME = 'acme-genomics-a1b2c3d4';
const BUCKET = `daylily-customer-${ACME}`;

/** The Daylily reference's customer, as Portico answers it right after onboarding. */
export const customerExample = {
  customer_id: ACME,
  customer_name: 'Acme Genomics',
  status: 'PROVISIONING',
  email: 'admin@acme.com',
  plan: 'standard',
  billing_account_id: 'BA-12345',
  cost_center: 'CC-GENOMICS',
  s3_bucket: BUCKET,
  stack_name: `portico-customer-${ACME}`,
  created_at: '2026-11-23T10:00:00.000Z',
  created_by: ADMIN,
  updated_at: '2026-11-23T10:00:00.412Z',
  updated_by: ADMIN,
  ...declaredPlanQuotas('standard'),
  max_concurrent_worksets: 10,
  max_storage_gb: 5000,
  quota_overrides: { max_concurrent_worksets: 10, max_storage_gb: 5000 },
} satisfies z.output<typeof customerSchema>;

export const activeCustomerExample = {
  ...customerExample,
  status: 'ACTIVE',
  updated_at: '2026-11-23T10:03:41.207Z',
  updated_by: 'system:stack-events',
  template_version: '3f9a1c7e5b2d4a6c8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d',
} satisfies z.output<typeof customerSchema>;

export const customerListExample = {
  customers: [activeCustomerExample],
  count: 1,
  next_token: 'eyJjdXN0b21lcl9pZCI6ImFjbWUtZ2Vub21pY3MtYTFiMmMzZDQifQ',
} satisfies z.output<typeof customerListSchema>;

/** The Daylily reference's usage answer, with what Portico counts besides. */
export const usageExample = {
  customer_id: ACME,
  storage_gb: 1234.56,
  max_storage_gb: 5000,
  storage_utilization_percent: 24.69,
  storage_bytes: 1325598706237,
  object_count: 412,
  reserved_bytes: 0,
  storage_by_prefix: {
    uploads: { bytes: 1073741824000, object_count: 240 },
    worksets: { bytes: 1048576, object_count: 60 },
    results: { bytes: 251855833661, object_count: 110 },
    other: { bytes: 0, object_count: 2 },
  },
  active_worksets: 2,
  max_concurrent_worksets: 10,
  month: '2026-11',
  runs_this_month: 14,
  max_runs_per_month: 100,
  as_of: '2026-11-23T12:00:00.000Z',
  counts_updated_at: '2026-11-23T11:58:12.930Z',
  last_reconciled: { at: '2026-11-23T03:00:04.118Z', day: '2026-11-22', drift_bytes: 0 },
} satisfies z.output<typeof usageReportSchema>;

const daylily = normalizeWorksetRequest(DAYLILY_WORKSET_REQUEST);
if (!daylily.ok) throw new Error('The Daylily workset example no longer validates');
const daylilyEstimate = estimateWorkset(daylily.config);

/** The generator's answer to the Daylily request, produced by the generator's own functions. */
export const generatedYamlExample = {
  yaml_content: DAYLILY_WORKSET_YAML,
  config: daylily.config,
  estimate: daylilyEstimate,
  run_file: previewRunFile(daylily.config),
} satisfies z.output<typeof generatedYamlSchema>;

export const yamlValidationExample = {
  valid: true,
  format: 'workset',
  config: daylily.config,
  estimate: daylilyEstimate,
} satisfies z.output<typeof yamlValidationSchema>;

export const worksetExample = {
  workset_id: 'ws-0mi9x2k4g-5e1f2a3b',
  customer_id: ACME,
  state: 'pending',
  pipeline: 'germline_wgs_snv',
  reference_genome: 'hg38',
  priority: 'normal',
  sample_count: 1,
  bucket: BUCKET,
  prefix: 'worksets/ws-0mi9x2k4g-5e1f2a3b/',
  export_uri: `s3://${BUCKET}/worksets/ws-0mi9x2k4g-5e1f2a3b/results/`,
  submitted_at: '2026-11-23T12:05:00.000Z',
  submitted_by: MEMBER,
  updated_at: '2026-11-23T12:05:00.000Z',
  history: [{ state: 'pending', at: '2026-11-23T12:05:00.000Z', by: MEMBER }],
} satisfies z.output<typeof worksetSchema>;

export const completedWorksetExample = {
  ...worksetExample,
  state: 'complete',
  updated_at: '2026-11-23T19:41:07.000Z',
  history: [
    ...worksetExample.history,
    { state: 'ready', at: '2026-11-23T12:05:01.350Z', by: 'system:handoff' },
    { state: 'in_progress', at: '2026-11-23T12:09:30.000Z', by: 'runner' },
    { state: 'complete', at: '2026-11-23T19:41:07.000Z', by: 'runner' },
  ],
} satisfies z.output<typeof worksetSchema>;

const UPLOAD_ID = 'up-0123456789abcdef01234567';
const UPLOAD_KEY = `uploads/2026/11/23/${UPLOAD_ID}/sample1_R1.fastq.gz`;

export const uploadExample = {
  upload_id: UPLOAD_ID,
  customer_id: ACME,
  bucket: BUCKET,
  key: UPLOAD_KEY,
  filename: 'sample1_R1.fastq.gz',
  size_bytes: 2147483648,
  multipart: false,
  state: 'PENDING',
  reserved_bytes: 2147483648,
  created_at: '2026-11-23T11:00:00.000Z',
} satisfies z.output<typeof uploadSchema>;

export const createdUploadExample = {
  ...uploadExample,
  multipart: false,
  expires_at: '2026-11-23T11:15:00.000Z',
  method: 'PUT',
  url: `https://${BUCKET}.s3.us-east-1.amazonaws.com/${UPLOAD_KEY}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=content-length%3Bhost%3Bif-none-match&X-Amz-Signature=3b1f`,
  headers: {
    'Content-Length': '2147483648',
    'If-None-Match': '*',
    'Content-Type': 'application/gzip',
    'x-amz-checksum-sha256': 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
  },
} satisfies z.output<typeof createdUploadSchema>;

export const completedUploadExample = {
  ...uploadExample,
  size_bytes: 8589934592,
  multipart: true,
  state: 'COMPLETED',
  reserved_bytes: 0,
  completed_at: '2026-11-23T11:42:10.000Z',
} satisfies z.output<typeof uploadSchema>;

export const memberExample = {
  user_id: MEMBER,
  customer_id: ACME,
  email: 'jane@acme.com',
  role: 'member',
  is_default: true,
  added_at: '2026-11-23T10:30:00.000Z',
  added_by: ADMIN,
} satisfies z.output<typeof memberSchema>;

export const auditPageExample = {
  events: [
    {
      event_id: '5b0e8f4a-2c1d-4e3f-9a8b-7c6d5e4f3a2b',
      action: 'membership.added',
      actor: ADMIN,
      actor_email: 'admin@acme.com',
      target: `user:${MEMBER}`,
      request_id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
      details: { email: 'jane@acme.com', role: 'member' },
      at: '2026-11-23T10:30:00.000Z',
    },
  ],
  count: 1,
} satisfies z.output<typeof auditPageSchema>;

/** Every plan with its declared limits, as `GET /plans` answers before any is edited. */
export const declaredPlansExample = plansView(
  Object.fromEntries(PLAN_NAMES.map((plan_id) => [plan_id, { plan_id, quotas: declaredPlanQuotas(plan_id), source: 'declared' as const }])),
);
