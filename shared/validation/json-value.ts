/**
 * Free-form JSON a customer may store (e.g. `settings`) within what DynamoDB
 * and every JSON reader downstream keep exactly: bounded depth (DynamoDB
 * allows 32 levels), numbers a double represents exactly (DynamoDB also
 * refuses magnitudes past 1e125, and the SDK refuses unsafe integers), and
 * keys that are non-empty, short and not `__proto__`-like.
 */
export const JSON_VALUE_LIMITS = { depth: 8, keyLength: 64, arrayLength: 100 } as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MIN_MAGNITUDE = 1e-100;

/** The first reason `value` is not storable, with the path of the offending part; undefined when it is. */
export function jsonValueProblem(value: unknown, path: string, depth = 0): { path: string; message: string } | undefined {
  if (depth > JSON_VALUE_LIMITS.depth) return { path, message: `must nest at most ${JSON_VALUE_LIMITS.depth} levels deep` };
  if (typeof value === 'number') {
    // DynamoDB refuses magnitudes past 9.9e125 and, except 0, below 1e-130.
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER || (value !== 0 && Math.abs(value) < MIN_MAGNITUDE)) {
      return { path, message: `must be 0 or a number whose magnitude is between ${MIN_MAGNITUDE} and ${Number.MAX_SAFE_INTEGER}` };
    }
    return undefined;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (Array.isArray(value)) {
    if (value.length > JSON_VALUE_LIMITS.arrayLength) return { path, message: `must hold at most ${JSON_VALUE_LIMITS.arrayLength} items` };
    for (const [i, item] of value.entries()) {
      const problem = jsonValueProblem(item, `${path}.${i}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.length === 0) return { path, message: 'must not have an empty key' };
      if (key.length > JSON_VALUE_LIMITS.keyLength) return { path, message: `keys must be at most ${JSON_VALUE_LIMITS.keyLength} characters` };
      if (FORBIDDEN_KEYS.has(key)) return { path, message: `must not have the key '${key}'` };
      const problem = jsonValueProblem(item, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return { path, message: 'must be JSON' };
}
