import { parse } from 'yaml';
import { UsageError } from '../output/errors.ts';

/** What `worksets submit FILE` read: a daylily_work.yaml (a workset request as YAML) or a sample sheet. */
export type WorksetFile =
  | { readonly kind: 'workset-yaml'; readonly request: Record<string, unknown> }
  | { readonly kind: 'sample-sheet'; readonly text: string };

/** Fields the flags of `worksets submit` set; for a YAML file they override what it says. */
export interface SubmissionFlags {
  readonly referenceGenome?: string;
  readonly pipeline?: string;
  readonly priority?: string;
  readonly name?: string;
  readonly notes?: string;
  readonly exportUri?: string;
}

/**
 * Decides by content, not by file name: a YAML mapping is a workset (the
 * document `POST /worksets/generate-yaml` writes); anything else with a
 * header line and rows separated by tabs or commas is a sample sheet (a
 * stage_samples.tsv, a RUN_ID SAMPLE_ID R1_FQ R2_FQ sheet, or the same as CSV),
 * which the API parses itself.
 */
export function readWorksetFile(text: string, file: string): WorksetFile {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw new UsageError(`${file} is empty`);
  let document: unknown;
  try {
    document = parse(content);
  } catch {
    document = undefined;
  }
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const request = document as Record<string, unknown>;
    if ('dy-r' in request || 'day-clone' in request) {
      throw new UsageError(`${file} is a runner run file (dy-r, day-clone), not a workset: submit the daylily_work.yaml or the sample sheet`);
    }
    return { kind: 'workset-yaml', request };
  }
  const header = content.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  if (!/[\t,]/.test(header)) {
    throw new UsageError(`${file} is neither a workset YAML mapping nor a sample sheet (a header row with tab- or comma-separated columns)`);
  }
  return { kind: 'sample-sheet', text: content };
}

/** The `POST /customers/{id}/worksets` body: the YAML's fields, or the sheet's text, with the flags on top. */
export function submissionBody(file: WorksetFile, flags: SubmissionFlags): Record<string, unknown> {
  const fromFlags = {
    ...(flags.referenceGenome !== undefined ? { reference_genome: flags.referenceGenome } : {}),
    ...(flags.pipeline !== undefined ? { pipeline: flags.pipeline } : {}),
    ...(flags.priority !== undefined ? { priority: flags.priority } : {}),
    ...(flags.name !== undefined ? { workset_name: flags.name } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
    ...(flags.exportUri !== undefined ? { export_uri: flags.exportUri } : {}),
  };
  if (file.kind === 'workset-yaml') return { ...file.request, ...fromFlags };
  if (fromFlags.reference_genome === undefined) {
    throw new UsageError('A sample sheet needs --reference-genome (hg38, GRCh38, b37, GRCh37 or hg38_broad)');
  }
  return { sample_sheet: file.text, ...fromFlags };
}
