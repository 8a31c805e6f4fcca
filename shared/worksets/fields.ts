import * as z from 'zod';
import { FASTQ_EXTENSION, fastqLocationProblems, MAX_LOCATION_LENGTH } from './file-locations.ts';
import { numberFromText } from './numeric-text.ts';
import type { LookupResult } from './registries/registry.ts';
import { quote } from './registries/registry.ts';
import { COLUMN_NAME_PATTERN, MAX_CELL_LENGTH, normalizeSheetColumns } from './sample-sheet/cell-rules.ts';
import { FIELD_COLUMNS } from './sample-sheet/columns.ts';

// Field types the workset schema (schema.ts) is built from.

interface NumberBounds {
  readonly min: number;
  readonly max: number;
  /** The minimum itself is refused (coverage must be above 0). */
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
}

/**
 * A number within bounds, also written as numeric text (`"30"`): the portal's
 * forms sent every field as a string. Other strings are refused. The JSON
 * Schema shows the number only, the form Portico writes.
 */
export function numberField(bounds: NumberBounds) {
  const range = `${bounds.exclusiveMin ? 'greater than' : 'between'} ${bounds.min} ${bounds.exclusiveMin ? 'and at most' : 'and'} ${bounds.max}`;
  const wording = `must be ${bounds.integer ? 'a whole number ' : ''}${range}`;
  const error = (issue: { input?: unknown }) => `${wording} (got ${String(issue.input)})`;
  let number = bounds.integer ? z.number().int({ error }) : z.number();
  number = bounds.exclusiveMin ? number.gt(bounds.min, { error }) : number.min(bounds.min, { error });
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    const parsed = numberFromText(value);
    if (parsed !== undefined) return parsed;
    ctx.addIssue({ code: 'custom', message: `must be a number or numeric text such as "30" (got ${quote(value)})`, input: value });
    return value;
  }, number.max(bounds.max, { error }));
}

/** A name looked up in a registry (any case, aliases resolved); the JSON Schema lists every accepted spelling as `enum`. */
export function registryValue<Name extends string>(
  lookup: (value: string) => LookupResult<{ readonly name: Name }>,
  meta: { description: string; accepted: readonly string[] },
) {
  return z
    .string()
    .meta({ description: `${meta.description}; one of ${meta.accepted.join(', ')} (the API ignores case)`, enum: [...meta.accepted] })
    .transform((value, ctx): Name => {
      const found = lookup(value);
      if (found.ok) return found.entry.name;
      ctx.addIssue({ code: 'custom', message: found.message, params: { accepted: found.accepted }, input: value });
      return z.NEVER;
    });
}

export const fastqLocation = z
  .string()
  .max(MAX_LOCATION_LENGTH, { error: `must be at most ${MAX_LOCATION_LENGTH} characters` })
  .superRefine((value, ctx) => {
    for (const problem of fastqLocationProblems(value)) {
      ctx.addIssue({ code: 'custom', message: problem, input: value });
    }
  })
  .meta({
    description: 'FASTQ file: a file name or object key in the customer bucket, or an s3://bucket/key URI',
    // The extension rule, for tools that only read the JSON Schema.
    pattern: FASTQ_EXTENSION.source,
  });

/** `R1_FQ` → `[rR]1_[fF][qQ]`: JSON Schema patterns have no case-insensitive flag. */
function anyCase(name: string): string {
  return name.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/** A sample's other stage_samples.tsv columns; rules in sample-sheet/cell-rules.ts. */
export const sheetColumns = z
  .record(z.string(), z.string())
  .meta({
    description:
      'Other stage_samples.tsv columns for this sample (LANE, SAMPLE_TYPE, IS_POS_CTRL, …; names ignore case); ' +
      'unknown columns are kept verbatim in the sheet written for the runner',
    // The names and text rules, for tools that only read the JSON Schema; SAMPLE_ID, R1_FQ and R2_FQ are the sample's own fields.
    propertyNames: {
      pattern: `^(?!(?:${Object.values(FIELD_COLUMNS).map(anyCase).join('|')})$)${COLUMN_NAME_PATTERN.source.slice(1)}`,
    },
    additionalProperties: { type: 'string', maxLength: MAX_CELL_LENGTH, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' },
  })
  .transform((columns, ctx) => {
    const normalized = normalizeSheetColumns(columns);
    for (const problem of normalized.problems) {
      const accepted = problem.accepted ? { params: { accepted: problem.accepted } } : {};
      ctx.addIssue({ code: 'custom', path: [problem.column], message: problem.message, input: columns[problem.column], ...accepted });
    }
    return normalized.columns;
  });
