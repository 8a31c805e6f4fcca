import * as z from 'zod';
import type { FieldError } from '#shared/validation/field-error.ts';
import { exportUriProblems } from '../file-locations.ts';
import { toFieldErrors } from '../field-errors.ts';
import { issueMessage } from '../issue-messages.ts';
import type { PipelineTarget } from '../registries/pipelines.ts';
import { readYamlMapping } from '../yaml-document.ts';
import { doubleQuoted } from './yaml-scalars.ts';
import { assertWorksetId } from './workset-folder.ts';

/**
 * The run file the Daylily monitor reads (`daylily_work.yaml` in "monitor
 * format", daylily-runner.md): `day-clone` (working directory and branch),
 * `dy-r` (pipeline arguments), `export_uri`, `notes`. The comments the runner's
 * own files carry are kept, so an operator sees where to pin a cluster.
 */
export const DAYLILY_BRANCH = 'main';

export interface RunFileInput {
  readonly worksetId: string;
  /** A target's `dyR`, from the pipeline table only. */
  readonly dyR: string;
  readonly exportUri: string;
  readonly notes: string;
}

export function writeRunFile(input: RunFileInput): string {
  assertWorksetId(input.worksetId);
  if (/[\r\n]/.test(input.dyR)) throw new Error('dy-r arguments must be one line');
  return [
    '# cluster_name: "name"            # optional: pin a cluster',
    `day-clone: ${dayClone(input.worksetId)}   # clone args: workdir name and branch`,
    '# budget: "<budget name>"          # optional',
    '# dy-r: args only; the monitor prefixes the run command',
    'dy-r: >',
    `  ${input.dyR}`,
    `export_uri: ${doubleQuoted(input.exportUri)}`,
    `notes: ${doubleQuoted(input.notes)}`,
    '',
  ].join('\n');
}

/** Exactly as the runner's facts write it, spaces included. */
function dayClone(worksetId: string): string {
  return `" -d ${worksetId} -t ${DAYLILY_BRANCH}  "`;
}

const DAY_CLONE = /^\s*-d\s+(\S+)\s+-t\s+(\S+)\s*$/;

/** Keys of a monitor-format run file; `cluster_name` and `budget` are optional operator settings. */
export const runFileSchema = z.strictObject({
  'day-clone': z.string().regex(DAY_CLONE, { error: 'must be " -d <workset_id> -t <branch> "' }),
  'dy-r': z.string().trim().min(1, { error: 'must name the pipeline arguments' }),
  export_uri: z.string().superRefine((value, ctx) => {
    for (const problem of exportUriProblems(value)) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
  notes: z.string().optional(),
  cluster_name: z.string().optional(),
  budget: z.string().optional(),
});

export interface RunFile {
  readonly worksetId: string;
  readonly branch: string;
  /** Whitespace as written, ends trimmed. */
  readonly dyR: string;
  readonly exportUri: string;
  readonly notes?: string;
  readonly clusterName?: string;
  readonly budget?: string;
}

export type RunFileResult = { readonly ok: true; readonly runFile: RunFile } | { readonly ok: false; readonly errors: FieldError[] };

/** True when a parsed YAML mapping is a monitor-format run file rather than a Portico workset. */
export function isMonitorFormat(document: Readonly<Record<string, unknown>>): boolean {
  return 'dy-r' in document || 'day-clone' in document;
}

export function readRunFile(text: string): RunFileResult {
  const read = readYamlMapping(text, 'run file YAML');
  return read.ok ? runFileOf(read.value) : read;
}

/** Checks a parsed monitor-format mapping. */
export function runFileOf(document: unknown): RunFileResult {
  const parsed = runFileSchema.safeParse(document, { error: issueMessage });
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues, Object.keys(runFileSchema.shape)) };
  const file = parsed.data;
  const [, worksetId = '', branch = ''] = DAY_CLONE.exec(file['day-clone']) ?? [];
  return {
    ok: true,
    runFile: {
      worksetId,
      branch,
      dyR: file['dy-r'],
      exportUri: file.export_uri,
      ...(file.notes !== undefined && { notes: file.notes }),
      ...(file.cluster_name !== undefined && { clusterName: file.cluster_name }),
      ...(file.budget !== undefined && { budget: file.budget }),
    },
  };
}

/** The target whose `dy-r` this is (runs of spaces and line breaks count as one space), or undefined. */
export function targetOfDyR<T extends PipelineTarget>(dyR: string, targets: readonly T[]): T | undefined {
  const words = collapse(dyR);
  return targets.find((target) => collapse(target.dyR) === words);
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
