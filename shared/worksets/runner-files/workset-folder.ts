/**
 * Names in the workset folder the Daylily runner watches,
 * `<bucket>/worksets/<workset_id>/` (daylily-runner.md).
 */

/**
 * Workset ids become the runner's working directory and reach a shell
 * through `day-clone`, so they are letters, digits, `_` and `-` only.
 */
export const WORKSET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const WORKSETS_PREFIX = 'worksets/';

/** The files Portico writes, in the order it writes them: `daylily.ready` last. */
export const RUNNER_FILE_NAMES = [
  'daylily_work.yaml',
  'daylily_info.yaml',
  'stage_samples.tsv',
  'sample_data/.hold',
  'daylily.ready',
] as const;

export type RunnerFileName = (typeof RUNNER_FILE_NAMES)[number];

export function assertWorksetId(worksetId: string): void {
  if (!WORKSET_ID_PATTERN.test(worksetId)) {
    throw new Error(`Workset id ${JSON.stringify(worksetId)} does not match ${WORKSET_ID_PATTERN.source}`);
  }
}

/** `worksets/<workset_id>/`, the folder's key prefix in the customer's bucket. */
export function worksetFolder(worksetId: string): string {
  assertWorksetId(worksetId);
  return `${WORKSETS_PREFIX}${worksetId}/`;
}

/** Where results go when the workset names no export URI: the folder's `results/`. */
export function defaultExportUri(bucket: string, worksetId: string): string {
  return `s3://${bucket}/${worksetFolder(worksetId)}results/`;
}
