import { describe, expect, it } from 'vitest';
import { TokenBucket } from '#local/gateway/token-bucket.ts';

describe('TokenBucket', () => {
  it('starts full: the burst passes at once, the next request is throttled', () => {
    const bucket = new TokenBucket({ rateLimit: 5, burstLimit: 10 }, 0);

    const taken = Array.from({ length: 11 }, () => bucket.take(0));

    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(taken.at(-1)).toBe(false);
  });

  it('gains rateLimit tokens a second, never more than the burst', () => {
    const bucket = new TokenBucket({ rateLimit: 5, burstLimit: 10 }, 0);
    for (let i = 0; i < 10; i++) bucket.take(0);

    expect(bucket.take(100)).toBe(false); // half a token
    expect(bucket.take(200)).toBe(true); // one token at 5 per second
    expect(bucket.take(200)).toBe(false);
    const afterAnHour = Array.from({ length: 11 }, () => bucket.take(3_600_000));
    expect(afterAnHour.filter(Boolean)).toHaveLength(10);
  });

  it('gains nothing from a clock that goes back', () => {
    const bucket = new TokenBucket({ rateLimit: 5, burstLimit: 1 }, 1000);
    bucket.take(1000);

    expect(bucket.take(0)).toBe(false);
  });
});
