import { describe, expect, it } from 'vitest';
import { FunctionTimedOut, invokeWithin } from '#local/gateway/invoke.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('invokeWithin', () => {
  it('gives up on a slow function once its timeout has passed, as Lambda does', async () => {
    const started = Date.now();

    const outcome = await invokeWithin(0.1, () => new Promise<never>(() => undefined)).catch((error: unknown) => error);

    expect(outcome).toBeInstanceOf(FunctionTimedOut);
    expect((outcome as Error).message).toBe('Task timed out after 0.10 seconds');
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('returns the answer of a function that answers in time', async () => {
    await expect(invokeWithin(1, () => after(10, 'done'))).resolves.toBe('done');
  });

  it("passes on the function's own failure", async () => {
    await expect(invokeWithin(1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
