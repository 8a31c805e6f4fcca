import { MAX_DOCUMENT_BYTES, MAX_SAMPLES } from '../limits.ts';
import { COLUMN_NAME_PATTERN, isNotApplicable } from './cell-rules.ts';
import { FIELD_COLUMNS, STAGE_COLUMNS, stageColumnNamed } from './columns.ts';
import { cellsOf, isBlank, linesOf, type Delimiter, type Line } from './delimited.ts';

/** One row of a sheet as a sample of the workset schema, not yet validated. */
export interface SheetUnit {
  /** The row's line number in the sheet (the header is row 1). */
  readonly row: number;
  readonly sample: {
    readonly sample_id: string;
    readonly fastq_r1: string;
    readonly fastq_r2?: string;
    /** Every other column: known ones by their canonical name when not empty, unknown ones verbatim. */
    readonly sheet_columns: Record<string, string>;
  };
}

export interface SheetProblem {
  readonly row?: number;
  readonly column?: string;
  /** A predicate: "must …", "has …". */
  readonly message: string;
  readonly accepted?: readonly string[];
}

export type SheetResult =
  | { readonly ok: true; readonly units: SheetUnit[] }
  | { readonly ok: false; readonly problems: SheetProblem[] };

const REQUIRED_COLUMNS = [FIELD_COLUMNS.sample_id, FIELD_COLUMNS.fastq_r1];
const SHAPES =
  'a sheet has the 20 stage_samples.tsv columns, or at least RUN_ID, SAMPLE_ID, R1_FQ and R2_FQ, separated by tabs or commas';

/**
 * Reads a sample sheet: the runner's 20-column stage_samples.tsv, the minimal
 * `RUN_ID SAMPLE_ID R1_FQ R2_FQ`, or the same as CSV (a header with a tab is
 * TSV, else CSV). Headers ignore case; blank lines are skipped; an R2_FQ that
 * is empty or `na` means a single-end sample. Values are checked by the
 * workset schema afterwards; this only finds the cells.
 */
export function parseSampleSheet(text: string): SheetResult {
  if (text.length > MAX_DOCUMENT_BYTES) return refuse({ message: `must be at most ${MAX_DOCUMENT_BYTES} characters` });
  const lines = linesOf(text).filter((line) => !isBlank(line));
  const [headerLine, ...rows] = lines;
  if (!headerLine) return refuse({ message: `is empty; ${SHAPES}` });
  const header = readHeader(headerLine);
  if ('problems' in header) return { ok: false, problems: header.problems };
  if (rows.length === 0) return refuse({ row: headerLine.row, message: 'is the header, and no sample rows follow it' });
  if (rows.length > MAX_SAMPLES) {
    return refuse({ message: `must list at most ${MAX_SAMPLES} sample rows (got ${rows.length})` });
  }
  const units: SheetUnit[] = [];
  const problems: SheetProblem[] = [];
  for (const line of rows) {
    const read = cellsOf(line.text, header.delimiter);
    if ('problem' in read) {
      problems.push({ row: line.row, message: read.problem });
    } else if (read.cells.length !== header.columns.length) {
      problems.push({
        row: line.row,
        message: `has ${read.cells.length} values; the header has ${header.columns.length} columns`,
      });
    } else {
      units.push({ row: line.row, sample: sampleOf(header.columns, read.cells) });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, units };
}

interface Header {
  readonly delimiter: Delimiter;
  /** Canonical names of known columns, unknown ones as written (trimmed). */
  readonly columns: string[];
}

function readHeader(line: Line): Header | { problems: SheetProblem[] } {
  const delimiter: Delimiter | undefined = line.text.includes('\t') ? '\t' : line.text.includes(',') ? ',' : undefined;
  if (!delimiter) {
    return { problems: [{ row: line.row, message: `must separate its columns with tabs or commas; ${SHAPES}` }] };
  }
  const read = cellsOf(line.text, delimiter);
  if ('problem' in read) return { problems: [{ row: line.row, message: read.problem }] };
  const problems: SheetProblem[] = [];
  const columns = read.cells.map((cell, index) => {
    const name = cell.trim();
    const column = stageColumnNamed(name) ?? name;
    if (!stageColumnNamed(name) && !COLUMN_NAME_PATTERN.test(name)) {
      problems.push({
        row: line.row,
        column: name || `column ${index + 1}`,
        message:
          'must be a column name: a letter or _ first, at most 128 characters, no control characters or trailing space',
      });
    }
    return column;
  });
  columns.forEach((column, index) => {
    if (columns.indexOf(column) !== index) {
      problems.push({ row: line.row, column, message: 'is given twice (column names ignore case)' });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) {
      problems.push({ row: line.row, message: `must have a ${required} column; ${SHAPES}`, accepted: STAGE_COLUMNS });
    }
  }
  return problems.length > 0 ? { problems } : { delimiter, columns };
}

function sampleOf(columns: readonly string[], cells: readonly string[]): SheetUnit['sample'] {
  const byColumn = new Map(columns.map((column, index) => [column, cells[index] ?? '']));
  const r2 = (byColumn.get(FIELD_COLUMNS.fastq_r2) ?? '').trim();
  const sheetColumns: Record<string, string> = {};
  for (const [column, value] of byColumn) {
    if ((Object.values(FIELD_COLUMNS) as string[]).includes(column)) continue;
    if (stageColumnNamed(column) === undefined) sheetColumns[column] = value;
    else if (value.trim() !== '') sheetColumns[column] = value.trim();
  }
  return {
    sample_id: (byColumn.get(FIELD_COLUMNS.sample_id) ?? '').trim(),
    fastq_r1: (byColumn.get(FIELD_COLUMNS.fastq_r1) ?? '').trim(),
    ...(r2 !== '' && !isNotApplicable(r2) && { fastq_r2: r2 }),
    sheet_columns: sheetColumns,
  };
}

function refuse(problem: SheetProblem): SheetResult {
  return { ok: false, problems: [problem] };
}
