import { ValidationError } from './errors.ts';

/**
 * Opaque page tokens: base64url of the DynamoDB LastEvaluatedKey. A token is
 * accepted only if it has exactly the key attributes of the index it pages
 * and names the same partition as the listing (`bound`: another customer's
 * real token, or one for another status filter, is not this listing's), so a
 * forged or mismatched token is a 400, never a DynamoDB error.
 */
export function encodePageToken(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

export function decodePageToken(
  token: string | undefined,
  keyAttributes: readonly string[],
  bound: Readonly<Record<string, string>> = {},
): Record<string, string> | undefined {
  if (token === undefined) return undefined;
  const invalid = () => new ValidationError([{ field: 'next_token', message: 'is not a token this listing returned' }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalid();
  const entries = Object.entries(decoded);
  const expected = [...keyAttributes].sort();
  const actual = entries.map(([k]) => k).sort();
  if (actual.length !== expected.length || actual.some((k, i) => k !== expected[i])) throw invalid();
  if (entries.some(([, v]) => typeof v !== 'string' || v.length === 0 || v.length > 1024 || !v.isWellFormed())) throw invalid();
  const key = decoded as Record<string, string>;
  if (Object.entries(bound).some(([attribute, value]) => key[attribute] !== value)) throw invalid();
  return key;
}
