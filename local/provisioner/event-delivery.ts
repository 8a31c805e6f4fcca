/**
 * Delivers events to a function the way an EventBridge rule target does: an
 * invocation that fails is retried with exponential back-off, and after the
 * last attempt the event is given up with a log line (where AWS would put it
 * in the dead-letter queue). Events with the same key (one stack) are
 * delivered one after another, in the order they happened.
 */
export interface DeliveryPolicy {
  readonly attempts: number;
  readonly firstBackOffMs: number;
}

/** A few quick attempts: locally, minutes of retries would only hide a failure. */
export const LOCAL_DELIVERY_POLICY: DeliveryPolicy = { attempts: 4, firstBackOffMs: 100 };

export class SimulatedDeliveryFailure extends Error {
  override readonly name = 'SimulatedDeliveryFailure';
}

export class EventDelivery<E> {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly target: (event: E) => Promise<unknown>,
    private readonly options: {
      readonly name: string;
      readonly policy?: DeliveryPolicy;
      readonly describe: (event: E) => string;
      readonly giveUp?: (line: string) => void;
    },
  ) {}

  /** Queues the event behind earlier ones with the same key; its first `failFirst` attempts fail. */
  deliver(key: string, event: E, failFirst = 0): void {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.attempt(event, failFirst));
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
  }

  /** Settles once every queued event was delivered or given up. */
  async drain(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private async attempt(event: E, failFirst: number): Promise<void> {
    const { attempts, firstBackOffMs } = this.options.policy ?? LOCAL_DELIVERY_POLICY;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        if (attempt <= failFirst) throw new SimulatedDeliveryFailure(`delivery attempt ${attempt} failed (fault injected)`);
        await this.target(event);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, firstBackOffMs * 2 ** (attempt - 1)));
      }
    }
    const giveUp = this.options.giveUp ?? ((line: string) => console.error(line));
    giveUp(
      `[local-eventbridge] gave up delivering ${this.options.describe(event)} to ${this.options.name} after ${attempts} attempts ` +
        `(in AWS it would go to the dead-letter queue): ${(lastError as Error)?.message ?? String(lastError)}`,
    );
  }
}
