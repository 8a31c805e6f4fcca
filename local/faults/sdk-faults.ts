import { AsyncLocalStorage } from 'node:async_hooks';
import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import type { SdkService } from '../iam-actions.ts';

/**
 * Step faults, a test hook of the local stack: a request carrying
 * `x-portico-local-fault: <service>:<n>:<before|after>` has the n-th SDK call
 * its function makes to that service fail as a dependency that stops
 * answering would: `before`, the call never reaches the emulator; `after`,
 * it took effect but its answer is lost (the nasty half of a freeze). The
 * failure is the SDK's own `TimeoutError`. `x-portico-local-fault: count`
 * injects nothing. Either way the answer carries
 * `x-portico-local-sdk-calls: dynamodb=4;s3=1`, so a test can walk every
 * step of an operation. The scope is the request's own async context:
 * parallel requests are never touched, and AWS, which has no such hook,
 * ignores the header.
 */
export const FAULT_HEADER = 'x-portico-local-fault';
export const CALLS_HEADER = 'x-portico-local-sdk-calls';

export interface FaultPlan {
  readonly service: SdkService;
  readonly call: number;
  readonly when: 'before' | 'after';
}

interface FaultScope {
  readonly plan?: FaultPlan;
  readonly counts: Map<SdkService, number>;
}

const scopes = new AsyncLocalStorage<FaultScope>();
const SERVICES: readonly SdkService[] = ['dynamodb', 's3', 'cloudformation', 'cognito-idp'];

/** `count`, or `<service>:<n>:<before|after>`; anything else is refused (the gateway answers 400). */
export function parseFaultHeader(value: string): FaultPlan | 'count' | undefined {
  if (value === 'count') return 'count';
  const match = /^([a-z0-9-]+):([1-9]\d{0,3}):(before|after)$/.exec(value);
  if (!match || !(SERVICES as readonly string[]).includes(match[1] ?? '')) return undefined;
  return { service: match[1] as SdkService, call: Number(match[2]), when: match[3] as 'before' | 'after' };
}

/** Runs `fn` in a fault scope; answers its result and the calls made, per service, as the header shows them. */
export async function withFaultScope<T>(plan: FaultPlan | 'count', fn: () => Promise<T>): Promise<{ result: T; calls: string }> {
  const scope: FaultScope = { ...(plan === 'count' ? {} : { plan }), counts: new Map() };
  const result = await scopes.run(scope, fn);
  return { result, calls: [...scope.counts].map(([service, n]) => `${service}=${n}`).join(';') };
}

function injected(plan: FaultPlan): Error {
  return Object.assign(new Error(`${plan.service} call ${plan.call} did not answer (${FAULT_HEADER}: ${plan.when})`), { name: 'TimeoutError', $metadata: {} });
}

interface Client {
  readonly middlewareStack: Pick<MiddlewareStack<object, object>, 'add'>;
}

/** Installs the hook on the shared clients (outside the SDK's retries, as a dead dependency outlasts them). */
export function installSdkFaults(clients: readonly (readonly [Client, SdkService])[]): void {
  for (const [client, service] of clients) {
    const fault: InitializeMiddleware<object, object> = (next) => async (args) => {
      const scope = scopes.getStore();
      if (!scope) return next(args);
      const call = (scope.counts.get(service) ?? 0) + 1;
      scope.counts.set(service, call);
      const hit = scope.plan?.service === service && scope.plan.call === call ? scope.plan : undefined;
      if (hit?.when === 'before') throw injected(hit);
      const output = await next(args);
      if (hit?.when === 'after') throw injected(hit);
      return output;
    };
    client.middlewareStack.add(fault, { step: 'initialize', name: `portico-local-${service}-faults` });
  }
}
