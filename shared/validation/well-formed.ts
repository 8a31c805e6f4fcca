import { ValidationError } from '../http/errors.ts';

/** Deeper than this, a request body is refused before anything walks it recursively. */
export const MAX_REQUEST_NESTING = 64;

/**
 * Refuses any string holding an unpaired UTF-16 surrogate, anywhere in a
 * request (such text has no UTF-8 form, so DynamoDB, S3 and every JSON reader
 * downstream would refuse or mangle it), and any value nested deeper than
 * MAX_REQUEST_NESTING (16 KB of `[` is enough to exhaust a recursive walk's
 * stack). Checked once in the HTTP chain, iteratively, so no route can forget
 * it and no input can crash it.
 */
export function assertWellFormedText(value: unknown, where: string): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: where, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof current === 'string') {
      if (!current.isWellFormed()) throw refused(path, 'must be valid Unicode text (it holds an unpaired surrogate)');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_REQUEST_NESTING) throw refused(path, `must not nest more than ${MAX_REQUEST_NESTING} levels deep`);
    const entries: [string, unknown][] = Array.isArray(current) ? current.map((item, i) => [String(i), item]) : Object.entries(current);
    for (const [key, item] of entries) {
      const field = path ? `${path}.${key}` : key;
      if (!key.isWellFormed()) throw refused(field, 'must be valid Unicode text (it holds an unpaired surrogate)');
      stack.push({ value: item, path: field, depth: depth + 1 });
    }
  }
}

function refused(field: string, message: string): ValidationError {
  return new ValidationError([{ field, message }]);
}
