import { resolveS3Uri } from '../locations.ts';
import { FIXED_DEFAULTS, STAGE_COLUMNS, stageColumnNamed, type StageColumn } from '../sample-sheet/columns.ts';
import { cellsOf, isBlank, linesOf } from '../sample-sheet/delimited.ts';
import type { WorksetSample } from '../schema.ts';

/**
 * `stage_samples.tsv`, the sheet the runner stages: one row per unit, the 20
 * columns in the runner's order, then any columns a submission's sheet had
 * that the runner does not know, verbatim, in the order they first appear.
 * Values a sample does not give take the portal's defaults; the n-th unit of a
 * sample without a LANE is lane n. Reads are full `s3://` URIs.
 */
export function writeStageSamples(samples: readonly WorksetSample[], worksetId: string, bucket: string): string {
  const extraColumns = [
    ...new Set(samples.flatMap((sample) => Object.keys(sample.sheet_columns ?? {}).filter((c) => !stageColumnNamed(c)))),
  ];
  const unitsSoFar = new Map<string, number>();
  const rows = samples.map((sample) => {
    const unit = (unitsSoFar.get(sample.sample_id) ?? 0) + 1;
    unitsSoFar.set(sample.sample_id, unit);
    const given = sample.sheet_columns ?? {};
    const value = (column: StageColumn) => given[column] ?? defaultValue(column, sample, worksetId, bucket, unit);
    return [...STAGE_COLUMNS.map(value), ...extraColumns.map((column) => given[column] ?? '')];
  });
  return [[...STAGE_COLUMNS, ...extraColumns], ...rows].map(tsvLine).join('');
}

function defaultValue(column: StageColumn, sample: WorksetSample, worksetId: string, bucket: string, unit: number): string {
  switch (column) {
    case 'RUN_ID':
      return worksetId;
    case 'SAMPLE_ID':
    case 'EXPERIMENTID':
    case 'EXTERNAL_SAMPLE_ID':
      return sample.sample_id;
    case 'LANE':
      return String(unit);
    case 'R1_FQ':
      return resolveS3Uri(sample.fastq_r1, bucket);
    case 'R2_FQ':
      return sample.fastq_r2 === undefined ? '' : resolveS3Uri(sample.fastq_r2, bucket);
    default:
      return FIXED_DEFAULTS[column] ?? '';
  }
}

function tsvLine(cells: readonly string[]): string {
  // The schema refuses control characters in every value; a tab or line break here is a bug, not input.
  if (cells.some((cell) => /[\t\r\n]/.test(cell))) throw new Error('A stage_samples.tsv value holds a tab or line break');
  return `${cells.join('\t')}\n`;
}

export interface StageSamplesTable {
  readonly columns: string[];
  /** One map per row, by column name as written in the header. */
  readonly rows: Record<string, string>[];
}

/** Reads a stage_samples.tsv back: header, then rows of as many cells; throws on anything else. */
export function readStageSamples(text: string): StageSamplesTable {
  const [header, ...lines] = linesOf(text).filter((line) => !isBlank(line));
  if (!header) throw new Error('stage_samples.tsv is empty');
  const columns = header.text.split('\t');
  const rows = lines.map((line) => {
    const read = cellsOf(line.text, '\t');
    const cells = 'cells' in read ? read.cells : [];
    if (cells.length !== columns.length) {
      throw new Error(`stage_samples.tsv row ${line.row} has ${cells.length} cells; the header has ${columns.length}`);
    }
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
  return { columns, rows };
}
