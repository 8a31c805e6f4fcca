import type { z } from 'zod';
import type { FieldError } from '#shared/validation/field-error.ts';
import { SAMPLE_FIELDS, WORKSET_FIELDS } from './schema.ts';

/**
 * Messages for the issues zod raises on its own (missing or mistyped values,
 * literals); every other message is written next to its rule.
 * Messages are predicates; `toFieldErrors` puts the field path in front.
 */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `must be ${withArticle(issue.expected)} (got ${typeName(issue.input)})`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return 'is invalid';
  }
};

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const accepted = knownFieldsAt(issue.path);
      return issue.keys.map((key) => {
        const unknownField = field ? `${field}.${key}` : key;
        const message = `${unknownField} is not a known field; accepted: ${accepted.join(', ')}`;
        return { field: unknownField, message, accepted };
      });
    }
    const accepted = acceptedValues(issue);
    return [{ field, message: `${field || 'workset'} ${issue.message}`, ...(accepted && { accepted }) }];
  });
}

function acceptedValues(issue: z.core.$ZodIssue): readonly string[] | undefined {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'custom' && Array.isArray(issue.params?.accepted)) return issue.params.accepted as string[];
  return undefined;
}

function knownFieldsAt(path: readonly PropertyKey[]): readonly string[] {
  return path.length === 0 ? WORKSET_FIELDS : SAMPLE_FIELDS;
}

function withArticle(expected: string): string {
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}
