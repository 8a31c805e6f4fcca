import { describe, expect, it } from 'vitest';
import { requestHash } from '#shared/idempotency/request-hash.ts';

describe('requestHash', () => {
  it('ignores key order at every depth but not values', () => {
    const a = { x: 1, y: { b: [1, { d: 2, c: 3 }], a: 'z' } };
    const b = { y: { a: 'z', b: [1, { c: 3, d: 2 }] }, x: 1 };

    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash({ x: 1 })).not.toBe(requestHash({ x: 2 }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
    expect(requestHash({ x: undefined })).toBe(requestHash({ x: null }));
  });
});
