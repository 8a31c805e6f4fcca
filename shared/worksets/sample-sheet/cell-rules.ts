import { numberFromText } from '../numeric-text.ts';
import { quote } from '../registries/registry.ts';
import { DEFAULTED_COLUMNS, FIELD_COLUMNS, stageColumnNamed, type StageColumn } from './columns.ts';

/**
 * Rules for a sample's `sheet_columns`: the values a sample sheet (or a JSON
 * client) gives for stage_samples.tsv columns other than SAMPLE_ID, R1_FQ and
 * R2_FQ. Known columns are matched ignoring case and normalized; unknown
 * columns are kept verbatim, empty values included, so the runner's sheet
 * carries them as the customer wrote them.
 *
 * `na` (any case) means "not given" in a column Portico fills by default and
 * in the control flags; in the other columns it is kept, as the runner's own
 * sheets write it.
 */
export interface ColumnProblem {
  readonly column: string;
  /** A predicate: "must be …". */
  readonly message: string;
  readonly accepted?: readonly string[];
}

/** S3 keys are at most 1024 bytes; a value is never longer than a location. */
export const MAX_CELL_LENGTH = 1100;
/** Starts with a letter or `_` (so no column name is an array index), no control characters, no trailing space. */
export const COLUMN_NAME_PATTERN = /^[A-Za-z_](?:[^\u0000-\u001f\u007f-\u009f]{0,126}[^\s\u0000-\u001f\u007f-\u009f])?$/;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];
const BOOLEAN_COLUMNS: ReadonlySet<StageColumn> = new Set(['IS_POS_CTRL', 'IS_NEG_CTRL']);
const FIELD_OF_COLUMN = new Map<string, string>(Object.entries(FIELD_COLUMNS).map(([field, column]) => [column, field]));

export function isNotApplicable(value: string): boolean {
  return value.toLowerCase() === 'na';
}

export function normalizeSheetColumns(input: Readonly<Record<string, string>>): {
  columns: Record<string, string>;
  problems: ColumnProblem[];
} {
  const columns: Record<string, string> = {};
  const problems: ColumnProblem[] = [];
  const givenAs = new Map<string, string>();
  for (const [name, value] of Object.entries(input)) {
    const known = stageColumnNamed(name);
    const key = known ?? name;
    const problem = nameProblem(name, known) ?? duplicateProblem(key, givenAs) ?? valueProblem(value);
    if (problem) {
      problems.push({ column: key, message: problem });
      continue;
    }
    givenAs.set(key, name);
    if (!known) {
      columns[key] = value;
      continue;
    }
    const cell = normalizeKnownCell(known, value.trim());
    if ('problem' in cell) problems.push({ column: known, message: cell.problem, ...(cell.accepted && { accepted: cell.accepted }) });
    else if (cell.value !== undefined) columns[known] = cell.value;
  }
  return { columns, problems };
}

function nameProblem(name: string, known: StageColumn | undefined): string | undefined {
  const field = known && FIELD_OF_COLUMN.get(known);
  if (field) return `is the sample's ${field}, not a sheet column`;
  if (!known && !COLUMN_NAME_PATTERN.test(name)) {
    return 'must be a column name: a letter or _ first, at most 128 characters, no control characters or trailing space';
  }
  return undefined;
}

function duplicateProblem(key: string, givenAs: ReadonlyMap<string, string>): string | undefined {
  const first = givenAs.get(key);
  return first === undefined ? undefined : `names the same column as ${quote(first)} (column names ignore case)`;
}

function valueProblem(value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return 'must not contain tabs, line breaks or other control characters';
  if (value.length > MAX_CELL_LENGTH) return `must be at most ${MAX_CELL_LENGTH} characters`;
  return undefined;
}

type Cell = { value: string | undefined } | { problem: string; accepted?: readonly string[] };

function normalizeKnownCell(column: StageColumn, value: string): Cell {
  if (value === '') return { value: undefined };
  const notApplicable = isNotApplicable(value);
  if (notApplicable && (DEFAULTED_COLUMNS.has(column) || BOOLEAN_COLUMNS.has(column))) return { value: undefined };
  if (BOOLEAN_COLUMNS.has(column)) return booleanCell(value);
  if (column === 'LANE') return laneCell(value);
  if (column === 'SUBSAMPLE_PCT') return percentCell(value);
  return { value };
}

function booleanCell(value: string): Cell {
  const word = value.toLowerCase();
  if (TRUE_WORDS.includes(word)) return { value: 'TRUE' };
  if (FALSE_WORDS.includes(word)) return { value: 'FALSE' };
  const accepted = [...TRUE_WORDS, ...FALSE_WORDS, 'na'];
  return { problem: `must be true or false (got ${quote(value)}); accepted, any case: ${accepted.join(', ')}`, accepted };
}

function laneCell(value: string): Cell {
  const lane = /^\d{1,4}$/.test(value) ? Number(value) : 0;
  return lane >= 1 ? { value: String(lane) } : { problem: `must be a whole number from 1 to 9999 (got ${quote(value)})` };
}

function percentCell(value: string): Cell {
  const percent = numberFromText(value);
  return percent !== undefined && percent > 0 && percent <= 100
    ? { value: String(percent) }
    : { problem: `must be a number greater than 0 and at most 100 (got ${quote(value)})` };
}
