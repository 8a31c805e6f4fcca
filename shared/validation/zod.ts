import type { z } from 'zod';
import { ValidationError } from '../http/errors.ts';
import type { FieldError } from './field-error.ts';

/** Turns zod issues into field errors that name the field by its dotted path. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ field: path ? `${path}.${key}` : key, message: 'is not a known field' });
      }
    } else if (issue.code === 'invalid_value' && issue.values.length > 0) {
      const accepted = issue.values.map(String);
      const message = issue.input === undefined ? `is required; one of: ${accepted.join(', ')}` : `must be one of: ${accepted.join(', ')}`;
      errors.push({ field: path, message, accepted });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      errors.push({ field: path, message: 'is required' });
    } else {
      errors.push({ field: path, message: issue.message });
    }
  }
  return errors;
}

/** Parses `input` with `schema` or throws a 400 ValidationError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  // reportInput lets fieldErrors tell a missing field from a wrong one.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(fieldErrors(result.error.issues, prefix));
}
