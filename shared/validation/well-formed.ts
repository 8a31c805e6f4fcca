import { ValidationError } from '../http/errors.ts';

/**
 * Refuses any string holding an unpaired UTF-16 surrogate, anywhere in a
 * request: such text has no UTF-8 form, so DynamoDB, S3 and every JSON reader
 * downstream would refuse or mangle it. Checked once in the HTTP chain, so no
 * route can forget it.
 */
export function assertWellFormedText(value: unknown, where: string): void {
  const bad = firstMalformed(value, where);
  if (bad !== undefined) {
    throw new ValidationError([{ field: bad, message: 'must be valid Unicode text (it holds an unpaired surrogate)' }]);
  }
}

function firstMalformed(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = firstMalformed(item, path ? `${path}.${i}` : String(i));
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!key.isWellFormed()) return field;
      const bad = firstMalformed(item, field);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}
