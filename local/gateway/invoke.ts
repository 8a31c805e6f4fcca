/** A function that did not answer within its timeout, as Lambda reports it. */
export class FunctionTimedOut extends Error {
  override readonly name = 'FunctionTimedOut';

  constructor(readonly timeoutSeconds: number) {
    super(`Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
  }
}

/**
 * Runs a handler the way Lambda bounds it: the caller gets its answer, or a
 * FunctionTimedOut once `timeoutSeconds` have passed. Lambda would then stop the
 * function; here it keeps running unseen, and its late answer is dropped.
 */
export async function invokeWithin<T>(timeoutSeconds: number, invoke: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimedOut(timeoutSeconds)), timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([invoke(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
