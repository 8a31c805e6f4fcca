import { parseArgs } from 'node:util';

export interface LoadOptions {
  /** Measured seconds of load. @default 30 */
  readonly durationSeconds: number;
  /** Seconds of the same load before measuring: every handler loaded, caches warm. @default 3 */
  readonly warmupSeconds: number;
  /**
   * Requests in flight at once (closed loop: each connection sends its next request when the last one answered).
   * Several (`8,16,32`) run one after the other on the same stack, each with tenants of its own. @default [16]
   */
  readonly connections: readonly number[];
  /** Customers the load is spread over. @default 20 */
  readonly tenants: number;
  /** Each tenant's `max_concurrent_worksets`: small, so many submissions meet the quota. @default 3 */
  readonly slots: number;
  /** How long the invariants may take to hold once the load stops (S3 events are delivered asynchronously). @default 30 */
  readonly settleSeconds: number;
  /** A running stack's stack.json (`npm start` writes `.local/stack.json`); without it an ephemeral stack is booted. */
  readonly stackFile?: string;
}

const USAGE = `npm run load -- [--duration S] [--warmup S] [--connections N[,N...]] [--tenants N] [--slots N] [--settle S] [--stack .local/stack.json]
Environment: LOAD_DURATION, LOAD_WARMUP, LOAD_CONNECTIONS, LOAD_TENANTS, LOAD_SLOTS, LOAD_SETTLE, LOAD_STACK_FILE (flags win).`;

/** Flags first, then LOAD_* variables, then the defaults (which pass on a 2-core machine). */
export function loadOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LoadOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      tenants: { type: 'string' },
      slots: { type: 'string' },
      settle: { type: 'string' },
      stack: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new UsageError(USAGE, true);
  const number = (name: string, flag: string | undefined, variable: string, fallback: number, min: number): number => {
    const text = flag ?? env[variable];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} (${variable}) must be an integer of at least ${min}, not '${text}'\n${USAGE}`);
    return value;
  };
  const stackFile = values.stack ?? env.LOAD_STACK_FILE;
  return {
    durationSeconds: number('duration', values.duration, 'LOAD_DURATION', 30, 1),
    warmupSeconds: number('warmup', values.warmup, 'LOAD_WARMUP', 3, 0),
    connections: (values.connections ?? env.LOAD_CONNECTIONS ?? '16').split(',').map((level) => number('connections', level.trim() || 'none', 'LOAD_CONNECTIONS', 16, 1)),
    tenants: number('tenants', values.tenants, 'LOAD_TENANTS', 20, 1),
    slots: number('slots', values.slots, 'LOAD_SLOTS', 3, 1),
    settleSeconds: number('settle', values.settle, 'LOAD_SETTLE', 30, 1),
    ...(stackFile ? { stackFile } : {}),
  };
}

/** Bad usage (exit 2), or the usage asked for with --help (exit 0). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly asked = false,
  ) {
    super(message);
  }
}
