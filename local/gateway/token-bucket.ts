/** A throttle as API Gateway states one: steady requests per second, and burst (the bucket's size). */
export interface ThrottleLimits {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * The token bucket API Gateway throttles with ("Throttle requests to your REST APIs
 * for better throughput in API Gateway"): it holds up to `burstLimit` tokens, starts
 * full, gains `rateLimit` tokens a second, and each request takes one or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly limits: ThrottleLimits,
    now: number,
  ) {
    this.tokens = limits.burstLimit;
    this.updatedAt = now;
  }

  /** Takes a token if there is one; false means the request is throttled. */
  take(now: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limits.burstLimit, this.tokens + elapsedSeconds * this.limits.rateLimit);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
