import type { GatewayRefusal } from './gateway-answer.ts';
import { TokenBucket, type ThrottleLimits } from './token-bucket.ts';
import type { LocalUsagePlans } from './usage-plans.ts';

export interface RateLimitsOptions {
  /** The stage's default method throttle (`portico:throttleRateLimit` / `portico:throttleBurstLimit`). */
  readonly stage: ThrottleLimits;
  readonly usagePlans: LocalUsagePlans;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * What API Gateway checks between the authorizer and the integration. A method that
 * requires an API key takes the key the authorizer returned (`usageIdentifierKey`, the
 * API's key source being AUTHORIZER): a key in no usage plan of the stage is refused
 * with 403 ("Choose an API key source in API Gateway"). Then the throttles, in the
 * order API Gateway applies them ("Throttle requests to your REST APIs"): the usage
 * plan's for that key, then the stage's, per method; either answers 429 THROTTLED.
 * A request refused by one throttle takes no token from the next.
 */
export class RateLimits {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The refusal, or undefined when the request goes on. `method` names the API method: `GET /customers/{customer_id}`. */
  admit(method: string, apiKey: { readonly required: boolean; readonly value: string | undefined }): GatewayRefusal | undefined {
    if (apiKey.required) {
      const plan = apiKey.value === undefined ? undefined : this.options.usagePlans.usagePlanOf(apiKey.value);
      if (!plan) return { type: 'INVALID_API_KEY' };
      // Limits apply per key and usage plan: a key moved to another plan starts a new bucket.
      if (plan.throttle && !this.take(`key ${plan.id} ${apiKey.value}`, plan.throttle)) return { type: 'THROTTLED' };
    }
    return this.take(`method ${method}`, this.options.stage) ? undefined : { type: 'THROTTLED' };
  }

  private take(bucketId: string, limits: ThrottleLimits): boolean {
    let bucket = this.buckets.get(bucketId);
    if (!bucket) this.buckets.set(bucketId, (bucket = new TokenBucket(limits, this.now())));
    return bucket.take(this.now());
  }
}
