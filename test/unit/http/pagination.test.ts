import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/http/errors.ts';
import { decodePageToken, encodePageToken } from '#shared/http/pagination.ts';

const KEYS = ['customer_id', 'status', 'created_at'];

describe('page tokens', () => {
  it('round-trip a LastEvaluatedKey', () => {
    const key = { customer_id: 'acme-a1b2c3d4', status: 'ACTIVE', created_at: '2026-11-23T00:00:00.000Z' };
    expect(decodePageToken(encodePageToken(key), KEYS)).toEqual(key);
    expect(encodePageToken(undefined)).toBeUndefined();
    expect(decodePageToken(undefined, KEYS)).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['an array', Buffer.from('[1]').toString('base64url')],
    ['missing keys', encodePageToken({ customer_id: 'x' })],
    ['extra keys', encodePageToken({ customer_id: 'x', status: 'A', created_at: 'c', admin: 'yes' })],
    ['a non-string value', encodePageToken({ customer_id: 'x', status: 'A', created_at: 1 })],
    ['an empty value', encodePageToken({ customer_id: '', status: 'A', created_at: 'c' })],
  ])('refuse %s with a 400 naming next_token', (_case, token) => {
    let error: unknown;
    try {
      decodePageToken(token, KEYS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ field: 'next_token', message: 'is not a token this listing returned' }]);
  });
});
