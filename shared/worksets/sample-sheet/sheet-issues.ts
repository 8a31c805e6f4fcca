import type { z } from 'zod';
import { unitMessage, type UnitProblem } from '../cross-field-rules.ts';
import { FIELD_COLUMNS } from './columns.ts';
import type { SheetProblem } from './parse-sheet.ts';

/**
 * Names the sheet's row and column for an issue the workset schema found in
 * the samples read from it (path `[index, field]` or
 * `[index, 'sheet_columns', column]`); `rows[index]` is the unit's row.
 */
export function sheetProblemOf(issue: z.core.$ZodIssue, rows: readonly number[]): SheetProblem {
  const [index, field, columnName] = issue.path;
  const row = typeof index === 'number' ? rows[index] : undefined;
  const column =
    field === 'sheet_columns' ? String(columnName) : FIELD_COLUMNS[field as keyof typeof FIELD_COLUMNS];
  const params = issue.code === 'custom' ? (issue.params ?? {}) : {};
  const sameAs = typeof params.sameAs === 'number' ? rows[params.sameAs] : undefined;
  const message =
    sameAs !== undefined && typeof params.sampleId === 'string'
      ? unitMessage(params.unitProblem as UnitProblem, `row ${sameAs}`, params.sampleId)
      : issue.message;
  const accepted = Array.isArray(params.accepted) ? { accepted: params.accepted as string[] } : {};
  return { ...(row !== undefined && { row }), ...(column !== undefined && { column }), message, ...accepted };
}
