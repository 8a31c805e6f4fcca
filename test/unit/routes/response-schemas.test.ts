import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { auditEventSchema } from '#shared/audit/response-schemas.ts';
import { toCustomer, type CustomerItem } from '#shared/customers/customer.ts';
import { customerSchema } from '#shared/customers/response-schemas.ts';
import { quotaReport } from '#shared/customers/statistics.ts';
import { customerMembershipSchema } from '#shared/identity/response-schemas.ts';
import { memberSchema } from '#shared/memberships/response-schemas.ts';
import { toMember } from '#shared/memberships/wire.ts';
import { platformStatusSchema } from '#shared/platform-status/response-schemas.ts';
import { addToFleet, emptyFleet } from '#shared/platform-status/fleet.ts';
import { declaredPlanQuotas, PLAN_NAMES, QUOTA_NAMES } from '#shared/quotas/declarations.ts';
import { effectiveQuotas } from '#shared/quotas/effective.ts';
import { plansView, toPlanView } from '#shared/quotas/plan-views.ts';
import type { Plan } from '#shared/quotas/plans.ts';
import { planSchema, plansListSchema, quotaReportSchema } from '#shared/quotas/response-schemas.ts';
import { routeTable, type RouteId } from '#shared/routes/index.ts';
import { requestExamples } from '#shared/routes/request-examples.ts';
import { requestSchemas, type RequestSchemas } from '#shared/routes/request-schemas.ts';
import { responseSchemas } from '#shared/routes/response-schemas.ts';
import type { ResponseSpec, ResponseVariant } from '#shared/routes/response-types.ts';
import { uploadSchema } from '#shared/uploads/response-schemas.ts';
import type { UploadRecord } from '#shared/uploads/upload-record.ts';
import { toUploadView } from '#shared/uploads/uploads.ts';
import { toCounters } from '#shared/usage/counters.ts';
import { usageHistorySchema, usageReportSchema } from '#shared/usage/response-schemas.ts';
import { usageHistory } from '#shared/usage/history.ts';
import { toMonthUsage } from '#shared/usage/monthly.ts';
import { usageReport } from '#shared/usage/usage-report.ts';
import type { WorksetRecord } from '#shared/workset-lifecycle/repository.ts';
import { worksetSchema } from '#shared/workset-lifecycle/response-schemas.ts';
import { toWorksetView } from '#shared/workset-lifecycle/views.ts';
import { estimateWorkset } from '#shared/worksets/estimate.ts';
import { normalizeWorksetRequest } from '#shared/worksets/normalize.ts';
import { publishedWorksetSchema } from '#shared/worksets/published-schema.ts';
import { generatedYamlSchema, publishedWorksetSchemaSchema, yamlValidationSchema } from '#shared/worksets/response-schemas.ts';
import { previewRunFile } from '#shared/worksets/runner-files/runner-files.ts';
import { validateYamlDocument } from '#shared/worksets/validate-document.ts';
import { validationAnswer } from '#shared/worksets/validation-answer.ts';
import { writeWorksetYaml } from '#shared/worksets/yaml-writer.ts';

const specs: Readonly<Record<RouteId, ResponseSpec>> = responseSchemas;

const variants = Object.entries(specs).flatMap(([id, spec]) => spec.success.map((variant) => ({ id, variant })));
const responseExamples = variants.flatMap(({ id, variant }) =>
  Object.entries(variant.examples ?? {}).map(([name, example]) => ({ label: `${id} ${variant.status} ${name}`, body: variant.body, value: example.value })),
);

/** What the API document says of a body: its output side as JSON Schema, checked with formats as the contract test checks answers. */
function jsonSchemaErrors(body: z.ZodType, value: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(z.toJSONSchema(body, { io: 'output', target: 'draft-2020-12' }));
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function issuesOf(body: z.ZodType | null, value: unknown): string[] {
  if (!body) return ['no body schema'];
  const parsed = body.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const PLANS = Object.fromEntries(PLAN_NAMES.map((plan_id) => [plan_id, { plan_id, quotas: declaredPlanQuotas(plan_id), source: 'declared' as const }])) as Record<
  (typeof PLAN_NAMES)[number],
  Plan
>;

function customerItem(fields: Partial<CustomerItem> = {}): CustomerItem {
  return {
    customer_id: 'acme-genomics-a1b2c3d4',
    record_type: 'customer',
    customer_name: 'Acme Genomics',
    email: 'admin@acme.com',
    plan: 'standard',
    quota_overrides: {},
    quota_modes: {},
    billing_account_id: 'BA-12345',
    cost_center: 'CC-GENOMICS',
    s3_bucket: 'portico-test-acme-genomics-a1b2c3d4',
    stack_name: 'portico-customer-acme-genomics-a1b2c3d4',
    status: 'ACTIVE',
    stack_operation_token: 'create-acme-genomics-a1b2c3d4-1',
    provision_attempt: 1,
    admin_count: 1,
    created_at: '2026-11-23T10:00:00.000Z',
    created_by: 'admin-user',
    updated_at: '2026-11-23T10:03:00.000Z',
    updated_by: 'system:stack-events',
    ...fields,
  };
}

const NOW = new Date('2026-11-23T12:00:00.000Z');

function worksetRecord(fields: Partial<WorksetRecord> = {}): WorksetRecord {
  return {
    customer_id: 'acme-genomics-a1b2c3d4',
    workset_id: 'ws-0mi9x2k4g-5e1f2a3b',
    state: 'pending',
    customer_state: 'acme-genomics-a1b2c3d4#pending',
    pipeline: 'germline_wgs_snv',
    reference_genome: 'hg38',
    priority: 'normal',
    sample_count: 1,
    bucket: 'portico-test-acme-genomics-a1b2c3d4',
    prefix: 'worksets/ws-0mi9x2k4g-5e1f2a3b/',
    export_uri: 's3://portico-test-acme-genomics-a1b2c3d4/worksets/ws-0mi9x2k4g-5e1f2a3b/results/',
    files: ['worksets/ws-0mi9x2k4g-5e1f2a3b/daylily_work.yaml'],
    submitted_at: NOW.toISOString(),
    submitted_by: 'member-user',
    updated_at: NOW.toISOString(),
    attempt_started_at: NOW.toISOString(),
    history: [{ state: 'pending', at: NOW.toISOString(), by: 'member-user' }],
    pending: 'pending',
    ...fields,
  };
}

function without<T extends object>(value: T, field: keyof T): Omit<T, typeof field> {
  const { [field]: _removed, ...rest } = value;
  return rest;
}

describe('the response schemas', () => {
  it('answer for every route of the table, and only for those', () => {
    expect(Object.keys(specs).sort()).toEqual(routeTable.map((route) => route.id).sort());
  });

  it('give each route distinct success statuses, a body for every status but 204, and Location on 201s that create an addressable resource', () => {
    for (const spec of Object.values(specs)) {
      const statuses = spec.success.map((variant: ResponseVariant) => variant.status);
      expect(new Set(statuses).size).toBe(statuses.length);
      for (const variant of spec.success) expect(variant.body === null).toBe(variant.status === 204);
    }
    expect(specs['billing.export'].success[0].headers?.Location?.required).toBe(true);
    expect(specs['worksets.submit'].success.map((v) => v.status)).toEqual([201, 200]);
    expect(specs['schemas.workset'].success[0].contentType).toBe('application/schema+json');
  });

  it.each(variants.map(({ id, variant }) => [`${id} ${variant.status}`, variant] as const))('%s converts to JSON Schema', (_label, variant) => {
    expect(() => (variant.body ? z.toJSONSchema(variant.body, { io: 'output', target: 'draft-2020-12' }) : undefined)).not.toThrow();
  });

  it('have an example for the main routes', () => {
    const withExamples = new Set(responseExamples.map((example) => example.label.split(' ')[0]));
    for (const id of ['customers.create', 'usage.get', 'worksets.generateYaml', 'worksets.submit', 'uploads.create', 'memberships.add'] as const) {
      expect(withExamples).toContain(id);
    }
  });
});

describe('examples', () => {
  it.each(responseExamples.map((example) => [example.label, example] as const))('response %s validates against its body schema and its JSON Schema', (_label, example) => {
    expect(issuesOf(example.body, example.value)).toEqual([]);
    expect(jsonSchemaErrors(example.body as z.ZodType, example.value)).toEqual([]);
  });

  const requests = Object.entries(requestExamples).flatMap(([id, examples]) =>
    Object.entries(examples ?? {}).map(([name, example]) => [`${id} ${name}`, id as RouteId, example.value] as const),
  );

  it('cover the request bodies of the main routes', () => {
    const ids = new Set(requests.map(([, id]) => id));
    for (const id of ['customers.create', 'worksets.submit', 'worksets.generateYaml', 'uploads.create', 'uploads.complete', 'memberships.add'] as const) {
      expect(ids).toContain(id);
    }
  });

  it.each(requests)('request %s validates against the route body schema', (_label, id, value) => {
    const { body, validateBody }: RequestSchemas = requestSchemas[id];
    expect(body).not.toBeNull();
    expect(issuesOf(body, value)).toEqual([]);
    // What the handler itself applies (a workset's cross-field rules, a YAML document's contents).
    expect(() => (validateBody ?? ((raw: unknown) => body?.parse(raw)))(value)).not.toThrow();
  });
});

describe('the schemas describe what the producers return', () => {
  it('customer: toCustomer output validates, with and without optional fields; a missing required field or an unknown status does not', () => {
    const plain = toCustomer(customerItem(), PLANS);
    expect(customerSchema.safeParse(plain).success).toBe(true);
    expect(jsonSchemaErrors(customerSchema, plain)).toEqual([]);

    const full = toCustomer(
      customerItem({
        display_name: 'Acme',
        description: 'Sequencing core',
        contact_phone: '+1 555 0100',
        address: '1 Main St',
        logo_url: 'https://acme.example/logo.png',
        settings: { theme: 'dark', nested: { a: [1, 2] } },
        billing_email: 'finance@acme.com',
        monthly_budget_usd: 2500,
        status: 'INACTIVE',
        status_reason: 'Suspended by finance',
        activated_at: '2026-11-20T09:00:00.000Z',
        quota_overrides: { max_storage_gb: 5000 },
        quota_modes: { max_storage_gb: 'warn' },
        template_version: 'v2',
        template_update: { token: 'rollout-acme-genomics-a1b2c3d4-1700000000000', version: 'v3', state: 'failed', attempts: 2, started_at: '2026-11-23T10:00:00.000Z', reason: 'UpdateStack refused', finished_at: '2026-11-23T10:05:00.000Z' },
        stack_update_failure: { status: 'UPDATE_ROLLBACK_COMPLETE', reason: 'Tag limit', at: '2026-11-23T10:05:00Z' },
      }),
      PLANS,
    );
    expect(full).toHaveProperty('template_update.state', 'failed');
    expect(full).not.toHaveProperty('template_update.token');
    expect(customerSchema.safeParse(full).success).toBe(true);
    expect(jsonSchemaErrors(customerSchema, full)).toEqual([]);

    expect(customerSchema.safeParse(without(plain, 'created_at')).success).toBe(false);
    expect(customerSchema.safeParse({ ...plain, status: 'DELETED' }).success).toBe(false);
    // Every effective limit is there, from the plan or the override.
    expect(jsonSchemaErrors(customerSchema, without(full, QUOTA_NAMES[0] as keyof typeof full))).not.toEqual([]);
    // Internals never leave: an answer carrying one is not what the document describes.
    expect(jsonSchemaErrors(customerSchema, { ...plain, stack_operation_token: 'x' })).not.toEqual([]);
  });

  it('workset: toWorksetView output validates in every shape; a history entry without its time does not', () => {
    const fresh = toWorksetView(worksetRecord());
    const warned = toWorksetView(
      worksetRecord({
        workset_name: 'GIAB trio',
        state: 'error',
        state_reason: 'The runner wrote daylily.error.',
        quota_warnings: [{ quota: 'max_storage_gb', limit: 1000, used: 1200.5, detail: '1200.5 of 1000 GB of storage were already in use' }],
        history: [
          { state: 'pending', at: NOW.toISOString(), by: 'member-user' },
          { state: 'error', at: NOW.toISOString(), by: 'runner', reason: 'The runner wrote daylily.error.' },
        ],
      }),
    );
    for (const view of [fresh, warned]) {
      expect(worksetSchema.safeParse(view).success).toBe(true);
      expect(jsonSchemaErrors(worksetSchema, view)).toEqual([]);
    }
    expect(fresh).not.toHaveProperty('files');
    expect(worksetSchema.safeParse({ ...fresh, history: [{ state: 'pending', by: 'member-user' }] }).success).toBe(false);
    expect(worksetSchema.safeParse(without(fresh, 'export_uri')).success).toBe(false);
  });

  it('plans: toPlanView and plansView validate, declared and edited; a plan without its quotas does not', () => {
    const edited: Plan = { plan_id: 'premium', quotas: { ...declaredPlanQuotas('premium'), max_storage_gb: 9000 }, source: 'edited', updated_at: NOW.toISOString(), updated_by: 'admin-user' };
    for (const view of [toPlanView(PLANS.standard), toPlanView(edited)]) expect(planSchema.safeParse(view).success).toBe(true);
    const list = plansView({ ...PLANS, premium: edited });
    expect(plansListSchema.safeParse(list).success).toBe(true);
    expect(jsonSchemaErrors(plansListSchema, list)).toEqual([]);
    expect(planSchema.safeParse(without(toPlanView(edited), 'quotas')).success).toBe(false);
  });

  it('usage: usageReport validates with empty and reconciled counters; the Daylily fields are required', () => {
    const customer = customerItem({ quota_overrides: { max_storage_gb: 5000 } });
    const quotas = effectiveQuotas(customer, PLANS.standard.quotas);
    const empty = usageReport(customer, quotas, toCounters(undefined), NOW);
    const counted = usageReport(
      customer,
      quotas,
      toCounters({
        storage_bytes: 1325598706237,
        object_count: 3,
        reserved_bytes: 1024,
        holders: { 'ws-0mi9x2k4g-5e1f2a3b': NOW.toISOString() },
        'runs#2026-11': 4,
        'storage_bytes#uploads': 1325598706237,
        'object_count#uploads': 3,
        updated_at: NOW.toISOString(),
        reconciled_at: NOW.toISOString(),
        reconciled_day: '2026-11-22',
        reconciled_drift_bytes: -12,
      }),
      NOW,
    );
    expect(counted).toMatchObject({ storage_gb: 1234.56, max_storage_gb: 5000, storage_utilization_percent: 24.69, active_worksets: 1, runs_this_month: 4 });
    for (const report of [empty, counted]) {
      expect(usageReportSchema.safeParse(report).success).toBe(true);
      expect(jsonSchemaErrors(usageReportSchema, report)).toEqual([]);
    }
    expect(usageReportSchema.safeParse(without(counted, 'storage_utilization_percent')).success).toBe(false);

    const history = usageHistory(customer.customer_id, '2026-09', '2026-11', new Map([['2026-10', toMonthUsage('2026-10', { api_requests: 12, sampled_days: 31 })]]), toCounters(undefined));
    expect(history.months).toHaveLength(3);
    expect(usageHistorySchema.safeParse(history).success).toBe(true);
  });

  it('quotas: quotaReport validates; counted quotas have numbers, the others null', () => {
    const customer = customerItem({ quota_modes: { max_runs_per_month: 'warn' } });
    const report = quotaReport(customer, effectiveQuotas(customer, PLANS.standard.quotas), toCounters({ storage_bytes: 5 * 1024 ** 3 }), NOW);
    expect(quotaReportSchema.safeParse(report).success).toBe(true);
    expect(jsonSchemaErrors(quotaReportSchema, report)).toEqual([]);
    expect(report.quotas.find((q) => q.quota === 'burst')).toMatchObject({ used: null, remaining: null });
  });

  it('members, uploads, audit and the fleet: the producers validate', () => {
    const membership = { user_id: 'u-1', customer_id: 'acme-genomics-a1b2c3d4', email: 'jane@acme.com', role: 'member' as const, added_at: NOW.toISOString(), added_by: 'admin-user' };
    for (const member of [toMember(membership, true), toMember({ ...membership, role: 'admin', updated_at: NOW.toISOString(), removing: NOW.toISOString() }, false)]) {
      expect(memberSchema.safeParse(member).success).toBe(true);
      expect(jsonSchemaErrors(memberSchema, member)).toEqual([]);
    }
    expect(customerMembershipSchema.safeParse({ customer_id: 'acme-genomics-a1b2c3d4', customer_name: null, display_name: null, status: null, role: 'admin', is_default: false }).success).toBe(true);

    const upload: UploadRecord = {
      customer_id: 'acme-genomics-a1b2c3d4',
      upload_id: 'up-0123456789abcdef01234567',
      bucket: 'portico-test-acme-genomics-a1b2c3d4',
      key: 'uploads/2026/11/23/up-0123456789abcdef01234567/s1_R1.fastq.gz',
      filename: 's1_R1.fastq.gz',
      size_bytes: 10,
      multipart: true,
      s3_upload_id: 'abc',
      part_size_bytes: 5,
      part_count: 2,
      state: 'REJECTED',
      reserved_bytes: 0,
      created_at: NOW.toISOString(),
      created_by: 'member-user',
      url_expires_at: NOW.toISOString(),
      expires_at: 1,
      state_reason: 'The completed object has 9 bytes, not the 10 declared.',
    };
    const view = toUploadView(upload);
    expect(view).not.toHaveProperty('s3_upload_id');
    expect(uploadSchema.safeParse(view).success).toBe(true);
    expect(jsonSchemaErrors(uploadSchema, view)).toEqual([]);

    expect(auditEventSchema.safeParse({ event_id: crypto.randomUUID(), action: 'customer.created', actor: 'admin-user', target: 'acme-genomics-a1b2c3d4', at: NOW.toISOString() }).success).toBe(true);
    expect(auditEventSchema.safeParse({ event_id: crypto.randomUUID(), action: 'customer.renamed', actor: 'a', target: 't', at: NOW.toISOString() }).success).toBe(false);

    const fleet = emptyFleet();
    addToFleet(fleet, customerItem({ status: 'PROVISION_FAILED', status_reason: 'CreateStack refused' }), undefined, NOW);
    addToFleet(fleet, customerItem({ customer_id: 'borealis-bio-0a1b2c3d', status: 'PROVISIONING', updated_at: '2026-11-23T09:00:00.000Z' }), toCounters({ storage_bytes: 7 }), NOW);
    const status = { as_of: NOW.toISOString(), ...fleet, current_template_version: null, dead_letter_queues: [{ name: 'events', messages: 1, in_flight: 0 }], dead_letter_messages: 1 };
    expect(fleet.stuck.count).toBe(1);
    expect(platformStatusSchema.safeParse(status).success).toBe(true);
    expect(jsonSchemaErrors(platformStatusSchema, status)).toEqual([]);
  });

  it('worksets: the generator, validator and published schema answers validate', () => {
    const request = { samples: [{ sample_id: 'S1', fastq_r1: 's1_R1.fq.gz', fastq_r2: 's1_R2.fq.gz', sheet_columns: { LANE: '1' } }], reference_genome: 'GRCh38', workset_name: 'Trio', notes: 'n' };
    const normalized = normalizeWorksetRequest(request);
    expect(normalized.ok).toBe(true);
    const config = (normalized as Extract<typeof normalized, { ok: true }>).config;
    const generated = { yaml_content: writeWorksetYaml(config), config, estimate: estimateWorkset(config), run_file: previewRunFile(config) };
    expect(generatedYamlSchema.safeParse(generated).success).toBe(true);
    expect(jsonSchemaErrors(generatedYamlSchema, generated)).toEqual([]);

    const read = validateYamlDocument(generated.yaml_content);
    const monitor = validateYamlDocument('day-clone: " -d ws-1 -t main "\ndy-r: >\n  -p nothing\nexport_uri: "s3://bucket/out/"\n');
    for (const document of [read, monitor]) {
      expect(document.ok).toBe(true);
      const answer = validationAnswer(document as Extract<typeof document, { ok: true }>, (c) => estimateWorkset(c));
      expect(yamlValidationSchema.safeParse(answer).success).toBe(true);
      expect(jsonSchemaErrors(yamlValidationSchema, answer)).toEqual([]);
    }

    expect(publishedWorksetSchemaSchema.safeParse(publishedWorksetSchema).success).toBe(true);
    expect(jsonSchemaErrors(publishedWorksetSchemaSchema, publishedWorksetSchema)).toEqual([]);
  });
});
