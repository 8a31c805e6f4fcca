import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which function the running code belongs to. In AWS a container runs one
 * function, so this is constant and warm caches belong to that function
 * alone. Locally every handler shares one process; running each invocation
 * in its function's scope keeps their caches apart as in AWS, so a grant one
 * function lacks cannot hide behind a cache another function filled.
 */
const current = new AsyncLocalStorage<string>();

export function inFunction<T>(functionName: string, run: () => Promise<T>): Promise<T> {
  return current.run(functionName, run);
}

/** A prefix for a warm container's cache keys. */
export function cacheScope(): string {
  return current.getStore() ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? '';
}
