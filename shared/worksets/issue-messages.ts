import type { z } from 'zod';

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

function withArticle(expected: string): string {
  if (expected === 'object' || expected === 'record') return 'an object';
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
