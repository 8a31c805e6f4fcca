import * as z from 'zod';
import type { Describes } from '../validation/describes.ts';
import { pipelineNameSchema, priorityNameSchema, referenceGenomeNameSchema } from '../workset-lifecycle/response-schemas.ts';
import type { WorksetEstimate } from './estimate.ts';
import { WORKSET_SCHEMA_VERSION, type WorksetConfig } from './schema.ts';
import type { validationAnswer } from './validation-answer.ts';

const normalizedSampleSchema = z
  .object({
    sample_id: z.string(),
    fastq_r1: z.string(),
    fastq_r2: z.string().optional(),
    coverage: z.number().meta({ description: "Target depth (×): the sample's own, else estimated_coverage, else 30." }),
    sheet_columns: z.record(z.string(), z.string()).optional().meta({ description: 'Other stage_samples.tsv columns, names normalized.' }),
  })
  .meta({ id: 'WorksetSample', description: 'One sequencing unit of a normalized workset.' });

/** A validated workset with defaults filled and names resolved: what daylily_work.yaml holds (the output side of the request schema). */
export const worksetConfigSchema = z
  .object({
    samples: z.array(normalizedSampleSchema).min(1),
    reference_genome: referenceGenomeNameSchema,
    pipeline: pipelineNameSchema,
    priority: priorityNameSchema,
    max_retries: z.int().min(0),
    estimated_coverage: z.number().meta({ description: 'As sent, or the mean of the sample coverages.' }),
    workset_name: z.string().optional(),
    notes: z.string().optional(),
    export_uri: z.string().optional(),
    schema_version: z.literal(WORKSET_SCHEMA_VERSION),
  })
  .meta({ id: 'WorksetConfig', description: 'A normalized workset: samples, reference and pipeline resolved to canonical names, defaults filled.' });

export const worksetEstimateSchema = z
  .object({
    compute_hours: z.number().meta({ description: 'vCPU-hours, to 0.1.' }),
    storage_gb: z.number().meta({ description: 'To 0.1.' }),
    cost_usd: z.number().meta({ description: 'To 0.01.' }),
    breakdown: z.object({ gbases: z.number(), compute_usd: z.number(), storage_usd: z.number() }),
  })
  .meta({ id: 'WorksetEstimate', description: 'Compute, storage and cost of a workset, from the configured rates.' });

export const generatedYamlSchema = z
  .object({
    yaml_content: z.string().meta({ description: 'daylily_work.yaml, as POST /customers/{customer_id}/worksets and validate-yaml read it.' }),
    config: worksetConfigSchema,
    estimate: worksetEstimateSchema,
    run_file: z.string().meta({ description: "The runner's monitor-format run file for it, with `your-workset-id` and `your-bucket` standing in." }),
  })
  .meta({ description: 'The workset as daylily_work.yaml, its normalized config, an estimate and a preview of the run file.' });

const validWorksetSchema = z.object({
  valid: z.literal(true),
  format: z.literal('workset'),
  config: worksetConfigSchema,
  estimate: worksetEstimateSchema,
});

const monitorRunFileSchema = z.object({
  valid: z.boolean().meta({ description: 'True when its `dy-r` is one of the pipeline targets (Portico runs nothing else).' }),
  format: z.literal('monitor'),
  run_file: z.object({
    workset_id: z.string(),
    branch: z.string(),
    dy_r: z.string(),
    export_uri: z.string(),
    notes: z.string().optional(),
    cluster_name: z.string().optional(),
    budget: z.string().optional(),
  }),
  target: pipelineNameSchema.nullable().meta({ description: 'The target whose `dy-r` the file carries; null when none.' }),
  detail: z.string().optional().meta({ description: 'When valid is false: why.' }),
  accepted: z.array(pipelineNameSchema).optional().meta({ description: 'When valid is false: the pipeline targets.' }),
});

export const yamlValidationSchema = z
  .discriminatedUnion('format', [validWorksetSchema, monitorRunFileSchema])
  .meta({ description: "What the document is: a workset (its normalized config and estimate) or the runner's monitor-format run file (what it holds and its target)." });

/** `GET /schemas/workset`: a JSON Schema (draft 2020-12) document. */
export const publishedWorksetSchemaSchema = z
  .object({
    $schema: z.literal('https://json-schema.org/draft/2020-12/schema'),
    $id: z.string().meta({ description: '`urn:portico:schemas:workset:<version>`.' }),
    title: z.string(),
    description: z.string(),
    type: z.literal('object'),
    properties: z.record(z.string(), z.unknown()),
  })
  .catchall(z.unknown())
  .meta({ description: 'The workset JSON Schema (draft 2020-12): what a daylily_work.yaml or a workset request may hold.' });

type Answer = ReturnType<typeof validationAnswer>;
const _config: Describes<typeof worksetConfigSchema, WorksetConfig> = true;
const _sample: Describes<typeof normalizedSampleSchema, WorksetConfig['samples'][number]> = true;
const _estimate: Describes<typeof worksetEstimateSchema, WorksetEstimate> = true;
const _workset: Describes<typeof validWorksetSchema, Extract<Answer, { config: unknown }>> = true;
// TypeScript gives each branch of the union the other's keys as `?: undefined`; they are never sent.
const _monitor: Describes<typeof monitorRunFileSchema, Omit<Extract<Answer, { run_file: unknown }>, 'config' | 'estimate'>> = true;
