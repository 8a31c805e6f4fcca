import { declaredPlanQuotas } from '../quotas/declarations.ts';
import { writeWorksetYaml } from '../worksets/yaml-writer.ts';
import { normalizeWorksetRequest } from '../worksets/normalize.ts';
import type { RequestExample } from './response-types.ts';
import type { RouteId } from './table.ts';

/** The Daylily portal's generator request (reference 000), as its clients send it: `germline` is an alias of germline_wgs_snv. */
export const DAYLILY_WORKSET_REQUEST = {
  samples: [{ sample_id: 'sample1', fastq_r1: 'sample1_R1.fq.gz', fastq_r2: 'sample1_R2.fq.gz', coverage: 30 }],
  reference_genome: 'hg38',
  pipeline: 'germline',
  priority: 'normal',
  max_retries: 3,
  estimated_coverage: 30.0,
};

const daylilyConfig = normalizeWorksetRequest(DAYLILY_WORKSET_REQUEST);
if (!daylilyConfig.ok) throw new Error('The Daylily workset example no longer validates');
/** daylily_work.yaml of the Daylily request, as the generator writes it. */
export const DAYLILY_WORKSET_YAML = writeWorksetYaml(daylilyConfig.config);

/**
 * Example request bodies, by route, for the API document. Each validates
 * against its route's body schema (test/unit/routes/response-schemas.test.ts).
 */
export const requestExamples: Partial<Record<RouteId, Readonly<Record<string, RequestExample>>>> = {
  'customers.create': {
    daylily: {
      summary: 'What the Daylily portal sends: profile, billing codes and two limits that override the plan',
      value: {
        customer_name: 'Acme Genomics',
        email: 'admin@acme.com',
        max_concurrent_worksets: 10,
        max_storage_gb: 5000,
        billing_account_id: 'BA-12345',
        cost_center: 'CC-GENOMICS',
      },
    },
    premium: {
      summary: 'A premium customer with a profile and a monthly budget',
      value: {
        customer_name: 'Borealis Bio',
        email: 'it@borealis.example',
        plan: 'premium',
        billing_account_id: 'BA-20931',
        cost_center: 'CC-RESEARCH',
        display_name: 'Borealis',
        contact_phone: '+1 555 0100',
        billing_email: 'finance@borealis.example',
        monthly_budget_usd: 2500,
      },
    },
  },
  'customers.update': {
    'change-plan': {
      summary: 'Move to premium and drop the storage override (back to the plan limit)',
      value: { plan: 'premium', max_storage_gb: null },
    },
    profile: { summary: 'Change the profile; null clears a field', value: { display_name: 'Acme', description: null } },
  },
  'quotas.update': {
    'override-and-warn': {
      summary: 'Raise the storage limit and let monthly runs go over it with a warning',
      value: { max_storage_gb: { limit: 8000 }, max_runs_per_month: { mode: 'warn' } },
    },
  },
  'plans.put': {
    standard: {
      summary: "The standard plan with 2,000 GB of storage (rates stay what the deploy set)",
      value: { quotas: { ...declaredPlanQuotas('standard'), max_storage_gb: 2000 } },
    },
  },
  'memberships.add': {
    member: { summary: 'Invite a user (or add an existing one) as a member', value: { email: 'jane@acme.com', role: 'member' } },
  },
  'memberships.changeRole': { admin: { summary: 'Make a member an admin', value: { role: 'admin' } } },
  'uploads.create': {
    fastq: {
      summary: 'A 2 GiB FASTQ file with its checksum: one presigned PUT',
      value: {
        filename: 'sample1_R1.fastq.gz',
        size_bytes: 2147483648,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        content_type: 'application/gzip',
      },
    },
  },
  'uploads.complete': {
    parts: {
      summary: 'Each part number with the ETag S3 answered to its PUT',
      value: {
        parts: [
          { part_number: 1, etag: '"b54357faf0632cce46e942fa68356b38"' },
          { part_number: 2, etag: '"0c78aef83f66abc1fa1e8477f296d394"' },
        ],
      },
    },
  },
  'worksets.submit': {
    daylily: { summary: "The Daylily portal's request; file names are keys in the customer bucket", value: DAYLILY_WORKSET_REQUEST },
    sheet: {
      summary: 'Two samples as a sample sheet, urgent, with a name',
      value: {
        sample_sheet: 'RUN_ID\tSAMPLE_ID\tR1_FQ\tR2_FQ\nR0\tNA12878\tuploads/NA12878_R1.fastq.gz\tuploads/NA12878_R2.fastq.gz\nR0\tNA24385\tuploads/NA24385_R1.fastq.gz\tuploads/NA24385_R2.fastq.gz\n',
        reference_genome: 'GRCh38',
        pipeline: 'germline_wgs_snv_sv',
        priority: 'urgent',
        workset_name: 'GIAB trio part 1',
      },
    },
  },
  'worksets.setState': { retry: { summary: 'Retry a failed workset', value: { state: 'retrying', reason: 'Spot capacity is back.' } } },
  'worksets.generateYaml': { daylily: { summary: "The Daylily portal's generator request", value: DAYLILY_WORKSET_REQUEST } },
  'worksets.validateYaml': { workset: { summary: 'daylily_work.yaml as the generator wrote it', value: { yaml_content: DAYLILY_WORKSET_YAML } } },
  'admin.rollout.start': { batch: { summary: 'Send at most 5 stack updates at a time', value: { batch_size: 5 } } },
};
