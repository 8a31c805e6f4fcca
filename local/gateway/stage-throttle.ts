import { readFileSync } from 'node:fs';
import { readConfig } from '#lib/config.ts';
import type { ThrottleLimits } from './token-bucket.ts';

/**
 * The stage's default method throttle as `cdk deploy` sets it: the `cdk.json` context
 * read by the same code as the CDK app (`portico:throttleRateLimit` / `portico:throttleBurstLimit`).
 */
export function stageThrottle(cdkJson = new URL('../../cdk.json', import.meta.url)): ThrottleLimits {
  const { context = {} } = JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: Record<string, unknown> };
  const config = readConfig((key) => context[key]);
  return { rateLimit: config.throttleRateLimit, burstLimit: config.throttleBurstLimit };
}
