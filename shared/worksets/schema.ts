import * as z from 'zod';
import { exportUriProblems, FASTQ_EXTENSION, fastqLocationProblems, MAX_LOCATION_LENGTH } from './file-locations.ts';
import { checkPipelineRequirements, checkReadsDiffer, checkUniqueSampleIds } from './cross-field-rules.ts';
import { pipelineRegistry, resolvePipeline } from './registries/pipelines.ts';
import { DEFAULT_PRIORITY, priorityRegistry } from './registries/priorities.ts';
import { referenceGenomeRegistry } from './registries/references.ts';
import type { LookupResult } from './registries/registry.ts';

/** Bumped when a field is added, removed or changes meaning; written into every config. */
export const WORKSET_SCHEMA_VERSION = '1.0';
export const DEFAULT_MAX_RETRIES = 3;
export const MAX_SAMPLES = 1000;
export const MAX_NOTES_LENGTH = 2000;
export const SAMPLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Letters, digits, space, `_`, `.`, `-`; starts with a letter or digit, no trailing space; ≤ 128. */
export const WORKSET_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,126}[A-Za-z0-9_.-])?$/;

// Control characters other than tab and line breaks, and unpaired surrogates.
const NOTES_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * Cross-field rules run even when other fields already failed (zod skips them
 * by default), so one response lists every error.
 */
const always = { when: () => true };

function numberBetween(min: number, max: number, options: { integer?: boolean } = {}) {
  const wording = `must be ${options.integer ? 'a whole number ' : ''}between ${min} and ${max}`;
  const error = (issue: { input?: unknown }) => `${wording} (got ${String(issue.input)})`;
  const base = options.integer ? z.number().int({ error }) : z.number();
  return base.min(min, { error }).max(max, { error });
}

function registryValue<Name extends string>(
  lookup: (value: string) => LookupResult<{ readonly name: Name }>,
  meta: { description: string; accepted: readonly string[] },
) {
  return z
    .string()
    .meta({
      description: `${meta.description}; one of ${meta.accepted.join(', ')} (case-insensitive)`,
      examples: [...meta.accepted],
    })
    .transform((value, ctx): Name => {
      const found = lookup(value);
      if (found.ok) return found.entry.name;
      ctx.addIssue({ code: 'custom', message: found.message, params: { accepted: found.accepted }, input: value });
      return z.NEVER;
    });
}

const fastqLocation = z
  .string()
  .max(MAX_LOCATION_LENGTH, { error: `must be at most ${MAX_LOCATION_LENGTH} characters` })
  .superRefine((value, ctx) => {
    for (const problem of fastqLocationProblems(value)) {
      ctx.addIssue({ code: 'custom', message: problem, input: value });
    }
  })
  .meta({
    description: 'FASTQ file: a file name, an object key in the customer bucket, or an s3://bucket/key URI',
    // The extension rule, for tools that only read the JSON Schema.
    pattern: FASTQ_EXTENSION.source,
  });

export const sampleSchema = z
  .strictObject({
    sample_id: z
      .string()
      .regex(SAMPLE_ID_PATTERN, {
        error:
          "must start with a letter or digit and contain only letters, digits, '_', '.' and '-' " +
          '(at most 64 characters)',
      })
      .meta({ description: 'Unique within the workset, ignoring case' }),
    fastq_r1: fastqLocation,
    fastq_r2: fastqLocation.optional(),
    coverage: numberBetween(1, 1000).meta({ description: 'Target sequencing depth for this sample (×)' }),
  })
  .superRefine(checkReadsDiffer, always);

const samples = z
  .array(sampleSchema)
  .min(1, { error: 'must list at least 1 sample' })
  .max(MAX_SAMPLES, { error: (issue) => `must list at most ${MAX_SAMPLES} samples (got ${lengthOf(issue.input)})` })
  .superRefine(checkUniqueSampleIds, always);

export const worksetFieldsSchema = z.strictObject({
  samples,
  reference_genome: registryValue(referenceGenomeRegistry.lookup, {
    description: 'Reference genome bundle',
    accepted: referenceGenomeRegistry.accepted,
  }),
  pipeline: registryValue(resolvePipeline, {
    description: 'Pipeline: a portal name or a runnable Daylily target',
    accepted: pipelineRegistry.accepted,
  }),
  // prefault, not default: the default goes through the lookup like a sent value and shows in the JSON Schema.
  priority: registryValue(priorityRegistry.lookup, {
    description: 'Scheduling priority',
    accepted: priorityRegistry.accepted,
  }).prefault(DEFAULT_PRIORITY),
  max_retries: numberBetween(0, 10, { integer: true })
    .default(DEFAULT_MAX_RETRIES)
    .meta({ description: 'How many times a failed run is retried' }),
  estimated_coverage: numberBetween(1, 1000)
    .optional()
    .meta({ description: 'Expected mean coverage; defaults to the mean of the sample coverages, rounded to 0.1' }),
  workset_name: z
    .string()
    .regex(WORKSET_NAME_PATTERN, {
      error:
        "must be 1 to 128 letters, digits, spaces, '_', '.' or '-', " +
        'starting with a letter or digit and not ending in a space',
    })
    .optional()
    .meta({ description: 'A name for people; not an identifier' }),
  notes: z
    .string()
    .max(MAX_NOTES_LENGTH, { error: `must be at most ${MAX_NOTES_LENGTH} characters` })
    .refine((text) => !NOTES_FORBIDDEN.test(text), {
      error: 'must be plain text: no control characters other than tab and line breaks',
    })
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .optional()
    .meta({ description: 'Free text; line breaks are stored as \\n' }),
  export_uri: z
    .string()
    .max(MAX_LOCATION_LENGTH, { error: `must be at most ${MAX_LOCATION_LENGTH} characters` })
    .superRefine((value, ctx) => {
      for (const problem of exportUriProblems(value)) {
        ctx.addIssue({ code: 'custom', message: problem, input: value });
      }
    })
    .optional()
    .meta({ description: 'Where results are exported: s3://bucket/prefix' }),
  schema_version: z
    .literal(WORKSET_SCHEMA_VERSION)
    .default(WORKSET_SCHEMA_VERSION)
    .meta({ description: 'Version of this schema the file follows' }),
});

/**
 * Validates a workset request (JSON body or parsed daylily_work.yaml) and
 * returns the normalized config: defaults filled, reference and pipeline
 * resolved to canonical names, schema_version set. Its input side is the
 * published JSON Schema.
 */
export const worksetRequestSchema = worksetFieldsSchema
  .superRefine(checkPipelineRequirements, always)
  .transform((workset) => ({
    samples: workset.samples.map(withoutUndefinedR2),
    reference_genome: workset.reference_genome,
    pipeline: workset.pipeline,
    priority: workset.priority,
    max_retries: workset.max_retries,
    estimated_coverage: workset.estimated_coverage ?? meanCoverage(workset.samples),
    ...(workset.workset_name !== undefined && { workset_name: workset.workset_name }),
    ...(workset.notes !== undefined && { notes: workset.notes }),
    ...(workset.export_uri !== undefined && { export_uri: workset.export_uri }),
    schema_version: workset.schema_version,
  }));

/** What a client may send; defaults and aliases still unresolved. */
export type WorksetRequest = z.input<typeof worksetRequestSchema>;
/** A validated, normalized workset: what daylily_work.yaml holds. */
export type WorksetConfig = z.output<typeof worksetRequestSchema>;
export type WorksetSample = WorksetConfig['samples'][number];

/** Field names allowed at the workset root and in each sample, for "unknown field" errors. */
export const WORKSET_FIELDS: readonly string[] = Object.keys(worksetFieldsSchema.shape);
export const SAMPLE_FIELDS: readonly string[] = Object.keys(sampleSchema.shape);

/** `fastq_r2: undefined` is parsed as given; the config omits the key so it equals its YAML reading. */
function withoutUndefinedR2<Sample extends { fastq_r2?: string | undefined }>(sample: Sample): Sample {
  if (sample.fastq_r2 !== undefined) return sample;
  const { fastq_r2: _absent, ...rest } = sample;
  return rest as Sample;
}

function meanCoverage(list: readonly { coverage: number }[]): number {
  const total = list.reduce((sum, sample) => sum + sample.coverage, 0);
  return Math.round((total / list.length) * 10) / 10;
}

function lengthOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : '?';
}
