import type { z } from 'zod';
import type { FieldError } from '#shared/validation/field-error.ts';
import { SAMPLE_FIELDS, WORKSET_FIELDS } from './schema.ts';

export { issueMessage } from './issue-messages.ts';

/** A field error; for a sample sheet it also names the row (the header is row 1) and the column. */
export interface WorksetFieldError extends FieldError {
  readonly row?: number;
  readonly column?: string;
}

/**
 * Field errors with the field's path in front of each message. `rootFields`
 * lists the fields an unknown one is refused against (default: a workset's).
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  rootFields: readonly string[] = WORKSET_FIELDS,
): WorksetFieldError[] {
  return issues.flatMap((issue): WorksetFieldError[] => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const accepted = issue.path.length === 0 ? rootFields : SAMPLE_FIELDS;
      return issue.keys.map((key) => {
        const unknownField = field ? `${field}.${key}` : key;
        const message = `${unknownField} is not a known field; accepted: ${accepted.join(', ')}`;
        return { field: unknownField, message, accepted };
      });
    }
    const accepted = acceptedValues(issue);
    const { row, column } = sheetPlace(issue);
    return [
      {
        field,
        message: `${labelOf(field, row, column)} ${issue.message}`,
        ...(row !== undefined && { row }),
        ...(column !== undefined && { column }),
        ...(accepted && { accepted }),
      },
    ];
  });
}

function acceptedValues(issue: z.core.$ZodIssue): readonly string[] | undefined {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'custom' && Array.isArray(issue.params?.accepted)) return issue.params.accepted as string[];
  return undefined;
}

function sheetPlace(issue: z.core.$ZodIssue): { row?: number; column?: string } {
  if (issue.code !== 'custom') return {};
  const { row, column } = (issue.params ?? {}) as { row?: unknown; column?: unknown };
  return {
    ...(typeof row === 'number' && { row }),
    ...(typeof column === 'string' && { column }),
  };
}

/** `samples.0.coverage`, or for a sheet `sample_sheet row 3, column R1_FQ`. */
function labelOf(field: string, row: number | undefined, column: string | undefined): string {
  const place = [row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column ${column}`].filter(Boolean);
  return [field || 'workset', place.join(', ')].filter(Boolean).join(' ');
}
