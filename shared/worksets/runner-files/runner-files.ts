import { pipelineTargets, type PipelineTarget } from '../registries/pipelines.ts';
import type { WorksetConfig } from '../schema.ts';
import { writeInfoFile } from './info-file.ts';
import { writeRunFile } from './run-file.ts';
import { readyBody } from './sentinels.ts';
import { writeStageSamples } from './stage-samples.ts';
import { defaultExportUri, worksetFolder, type RunnerFileName } from './workset-folder.ts';

export interface RunnerFilesInput {
  /** The normalized config (`normalizeWorksetRequest`). */
  readonly config: WorksetConfig;
  /** Platform-made: letters, digits, `_`, `-` (WORKSET_ID_PATTERN); anything else throws. */
  readonly worksetId: string;
  /** Defaults to the config's workset_name. */
  readonly worksetName?: string;
  readonly customerId: string;
  /** The customer's bucket. */
  readonly bucket: string;
  readonly submittedAt: Date;
  /** Where `dy-r` comes from; the built-in table unless an operator-managed one is given. */
  readonly pipelines?: readonly PipelineTarget[];
}

export interface RunnerFile {
  readonly name: RunnerFileName;
  /** The object key in the customer's bucket: `worksets/<workset_id>/<name>`. */
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
}

/**
 * The five files that hand a workset to the Daylily runner, in the order they
 * must be written: the run file, daylily_info.yaml, stage_samples.tsv,
 * sample_data/.hold, and daylily.ready last, since the runner picks the
 * workset up as soon as that sentinel exists. Pure: the caller puts them.
 */
export function runnerFiles(input: RunnerFilesInput): RunnerFile[] {
  const { config, worksetId, bucket } = input;
  const folder = worksetFolder(worksetId);
  const exportUri = config.export_uri ?? defaultExportUri(bucket, worksetId);
  const worksetName = input.worksetName ?? config.workset_name;
  const file = (name: RunnerFileName, body: string, contentType: string): RunnerFile => ({
    name,
    key: `${folder}${name}`,
    body,
    contentType,
  });
  return [
    file('daylily_work.yaml', runFileFor(input), 'application/yaml'),
    file(
      'daylily_info.yaml',
      writeInfoFile({
        workset_id: worksetId,
        ...(worksetName !== undefined && { workset_name: worksetName }),
        customer_id: input.customerId,
        submitted_at: input.submittedAt.toISOString(),
        pipeline: config.pipeline,
        reference_genome: config.reference_genome,
        priority: config.priority,
        sample_count: new Set(config.samples.map((s) => s.sample_id)).size,
        sample_ids: [...new Set(config.samples.map((s) => s.sample_id))],
        bucket,
        prefix: folder,
        export_uri: exportUri,
      }),
      'application/yaml',
    ),
    file('stage_samples.tsv', writeStageSamples(config.samples, worksetId, bucket), 'text/tab-separated-values'),
    file('sample_data/.hold', '', 'application/octet-stream'),
    file('daylily.ready', readyBody(input.submittedAt), 'text/plain'),
  ];
}

/** The run file (monitor format) of a workset: `dy-r` from the pipeline table, export URI defaulted. */
export function runFileFor(input: Omit<RunnerFilesInput, 'customerId' | 'submittedAt'>): string {
  const { config, worksetId, bucket } = input;
  const target = (input.pipelines ?? pipelineTargets).find((t) => t.name === config.pipeline);
  if (!target) throw new Error(`No pipeline target ${config.pipeline} in the pipeline table`);
  const name = input.worksetName ?? config.workset_name ?? worksetId;
  return writeRunFile({
    worksetId,
    dyR: target.dyR,
    exportUri: config.export_uri ?? defaultExportUri(bucket, worksetId),
    notes: config.notes ?? `Portico workset ${name}`,
  });
}

/** Stand-ins for a run file shown before the workset exists (POST /worksets/generate-yaml). */
export const PREVIEW_WORKSET = { worksetId: 'your-workset-id', bucket: 'your-bucket' } as const;

export function previewRunFile(config: WorksetConfig): string {
  return runFileFor({ config, ...PREVIEW_WORKSET });
}
