import * as z from 'zod';
import { exportUriProblems, MAX_LOCATION_LENGTH } from './file-locations.ts';
import {
  checkPipelineRequirements,
  checkReadsDiffer,
  checkSamplesOrSheet,
  checkSampleUnits,
} from './cross-field-rules.ts';
import { fastqLocation, numberField, registryValue, sheetColumns } from './fields.ts';
import { issueMessage } from './issue-messages.ts';
import { MAX_DOCUMENT_BYTES, MAX_SAMPLES } from './limits.ts';
import { DEFAULT_PIPELINE, pipelineRegistry, resolvePipeline } from './registries/pipelines.ts';
import { DEFAULT_PRIORITY, priorityRegistry } from './registries/priorities.ts';
import { referenceGenomeRegistry } from './registries/references.ts';
import { parseSampleSheet } from './sample-sheet/parse-sheet.ts';
import { sheetProblemOf } from './sample-sheet/sheet-issues.ts';

export { MAX_SAMPLES } from './limits.ts';

/** Bumped when a field is added, removed or changes meaning; written into every config. */
export const WORKSET_SCHEMA_VERSION = '1.0';
export const DEFAULT_MAX_RETRIES = 3;
/** The portal's coverage when a request gave neither a sample's coverage nor estimated_coverage. */
export const DEFAULT_COVERAGE = 30;
export const MAX_COVERAGE = 1000;
export const MAX_NOTES_LENGTH = 2000;
export const SAMPLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Letters, digits, space, `_`, `.`, `-`; starts with a letter or digit, no trailing space; ≤ 128. */
export const WORKSET_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]{0,126}[A-Za-z0-9_.-])?$/;

/** s3://, a bucket, a prefix: the shape exportUriProblems checks, for tools that only read the JSON Schema. */
const EXPORT_URI_SHAPE = '^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/[^/]';

// Control characters other than tab and line breaks, and unpaired surrogates.
const NOTES_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/**
 * Cross-field rules run even when other fields already failed (zod skips them
 * by default), so one response lists every error.
 */
const always = { when: () => true };

const coverage = () => numberField({ min: 0, exclusiveMin: true, max: MAX_COVERAGE });

export const sampleSchema = z
  .strictObject({
    sample_id: z
      .string()
      .regex(SAMPLE_ID_PATTERN, {
        error:
          "must start with a letter or digit and contain only letters, digits, '_', '.' and '-' " +
          '(at most 64 characters)',
      })
      .meta({ description: 'The sample; a sample sequenced on several lanes or runs is listed once per unit' }),
    fastq_r1: fastqLocation,
    fastq_r2: fastqLocation.optional(),
    coverage: coverage()
      .optional()
      .meta({ description: 'Target sequencing depth for this sample (×); defaults to estimated_coverage, else 30' }),
    sheet_columns: sheetColumns.optional(),
  })
  .superRefine(checkReadsDiffer, always);

const samples = z
  .array(sampleSchema)
  .min(1, { error: 'must list at least 1 sample' })
  .max(MAX_SAMPLES, { error: (issue) => `must list at most ${MAX_SAMPLES} samples (got ${lengthOf(issue.input)})` })
  .superRefine(checkSampleUnits, always);

/**
 * The sheet's text, read into samples that the same rules check; a problem
 * names the sheet's row and column (`params.row`, `params.column`).
 */
const sampleSheet = z
  .string()
  .max(MAX_DOCUMENT_BYTES, { error: `must be at most ${MAX_DOCUMENT_BYTES} characters` })
  .meta({
    description:
      'The samples as a sample sheet, instead of samples: the text of a stage_samples.tsv (20 columns), ' +
      'of a RUN_ID SAMPLE_ID R1_FQ R2_FQ sheet, or the same as CSV; headers ignore case',
  })
  .transform((text, ctx) => {
    const parsed = parseSampleSheet(text);
    const problems = parsed.ok ? [] : parsed.problems;
    const rows = parsed.ok ? parsed.units.map((unit) => unit.row) : [];
    const checked = parsed.ok ? samples.safeParse(parsed.units.map((unit) => unit.sample), { error: issueMessage }) : undefined;
    if (checked && !checked.success) problems.push(...checked.error.issues.map((issue) => sheetProblemOf(issue, rows)));
    for (const { message, row, column, accepted } of problems) {
      const params = { ...(row !== undefined && { row }), ...(column !== undefined && { column }), ...(accepted && { accepted }) };
      ctx.addIssue({ code: 'custom', message, params, input: undefined });
    }
    return checked?.success ? { samples: checked.data, rows } : z.NEVER;
  });

export const worksetFieldsSchema = z.strictObject({
  samples: samples.optional(),
  sample_sheet: sampleSheet.optional(),
  reference_genome: registryValue(referenceGenomeRegistry.lookup, {
    description: 'Reference genome bundle',
    accepted: referenceGenomeRegistry.accepted,
  }),
  // prefault, not default: the default goes through the lookup like a sent value and shows in the JSON Schema.
  pipeline: registryValue(resolvePipeline, {
    description: 'Pipeline: a runnable Daylily target or an alias of one',
    accepted: pipelineRegistry.accepted,
  }).prefault(DEFAULT_PIPELINE),
  priority: registryValue(priorityRegistry.lookup, {
    description: 'Scheduling priority',
    accepted: priorityRegistry.accepted,
  }).prefault(DEFAULT_PRIORITY),
  max_retries: numberField({ min: 0, max: 10, integer: true })
    .prefault(DEFAULT_MAX_RETRIES)
    .meta({ description: 'How many times a failed run is retried' }),
  estimated_coverage: coverage()
    .optional()
    .meta({ description: 'Expected mean coverage; defaults to the mean of the sample coverages' }),
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
    .meta({
      description: "Where results are exported: s3://bucket/prefix; defaults to the workset's results/ folder",
      pattern: EXPORT_URI_SHAPE,
    }),
  schema_version: z
    .literal(WORKSET_SCHEMA_VERSION)
    .default(WORKSET_SCHEMA_VERSION)
    .meta({ description: 'Version of this schema the file follows' }),
});

type ParsedFields = z.output<typeof worksetFieldsSchema>;
type ParsedSample = NonNullable<ParsedFields['samples']>[number];

/**
 * Validates a workset request (JSON body or parsed daylily_work.yaml) and
 * returns the normalized config: samples read from the sheet if one was given,
 * defaults filled, reference and pipeline resolved to canonical names,
 * schema_version set. Its input side is the published JSON Schema.
 */
export const worksetRequestSchema = worksetFieldsSchema
  .superRefine(checkSamplesOrSheet, always)
  .superRefine(checkPipelineRequirements, always)
  .transform((workset) => {
    const units = workset.samples ?? workset.sample_sheet?.samples ?? [];
    const fallbackCoverage = workset.estimated_coverage ?? DEFAULT_COVERAGE;
    const normalized = units.map((unit) => normalizedSample(unit, fallbackCoverage));
    return {
      samples: normalized,
      reference_genome: workset.reference_genome,
      pipeline: workset.pipeline,
      priority: workset.priority,
      max_retries: workset.max_retries,
      estimated_coverage: workset.estimated_coverage ?? meanCoverage(normalized),
      ...(workset.workset_name !== undefined && { workset_name: workset.workset_name }),
      ...(workset.notes !== undefined && { notes: workset.notes }),
      ...(workset.export_uri !== undefined && { export_uri: workset.export_uri }),
      schema_version: workset.schema_version,
    };
  });

/** What a client may send; defaults and aliases still unresolved. */
export type WorksetRequest = z.input<typeof worksetRequestSchema>;
/** A validated, normalized workset: what daylily_work.yaml holds. */
export type WorksetConfig = z.output<typeof worksetRequestSchema>;
export type WorksetSample = WorksetConfig['samples'][number];

/** Field names allowed at the workset root and in each sample, for "unknown field" errors. */
export const WORKSET_FIELDS: readonly string[] = Object.keys(worksetFieldsSchema.shape);
export const SAMPLE_FIELDS: readonly string[] = Object.keys(sampleSchema.shape);

/** Keys in a fixed order; absent fastq_r2 and empty sheet_columns are left out, so a config equals its YAML reading. */
function normalizedSample(unit: ParsedSample, fallbackCoverage: number) {
  const columns = unit.sheet_columns ?? {};
  return {
    sample_id: unit.sample_id,
    fastq_r1: unit.fastq_r1,
    ...(unit.fastq_r2 !== undefined && { fastq_r2: unit.fastq_r2 }),
    coverage: unit.coverage ?? fallbackCoverage,
    ...(Object.keys(columns).length > 0 && { sheet_columns: columns }),
  };
}

/** Rounded to 0.1, or below 1× to two significant digits, so test data at 0.01× keeps a positive mean. */
function meanCoverage(list: readonly { coverage: number }[]): number {
  const mean = list.reduce((sum, sample) => sum + sample.coverage, 0) / list.length;
  return mean >= 1 ? Math.round(mean * 10) / 10 : Number(mean.toPrecision(2));
}

function lengthOf(value: unknown): string {
  return Array.isArray(value) ? String(value.length) : '?';
}
