/**
 * The workset state machine, declared once. `pending` is Portico's own step
 * between admission and the moment the runner can see the folder (its files
 * are being written); every other state is one the Daylily portal kept.
 */
export const WORKSET_STATES = [
  'pending',
  'ready',
  'locked',
  'in_progress',
  'complete',
  'error',
  'retrying',
  'failed',
  'canceled',
  'archived',
  'ignored',
] as const;

export type WorksetState = (typeof WORKSET_STATES)[number];

/** Which states may follow each state. Anything else answers 409. */
export const WORKSET_TRANSITIONS: Readonly<Record<WorksetState, readonly WorksetState[]>> = {
  // The runner's own sentinels may be seen first: it only starts once daylily.ready exists, so the hand-over is done.
  pending: ['ready', 'locked', 'in_progress', 'complete', 'error', 'failed', 'canceled'],
  ready: ['locked', 'in_progress', 'complete', 'error', 'failed', 'canceled', 'ignored'],
  locked: ['ready', 'in_progress', 'complete', 'error', 'failed', 'canceled', 'ignored'],
  in_progress: ['complete', 'error', 'failed', 'canceled'],
  retrying: ['locked', 'in_progress', 'complete', 'error', 'failed', 'canceled'],
  error: ['retrying', 'failed', 'archived'],
  complete: ['archived'],
  failed: ['retrying', 'archived'],
  canceled: ['archived'],
  ignored: ['archived'],
  archived: [],
};

/**
 * States that hold one of the customer's concurrency slots: admitted and not
 * finished. Entering any other state releases the slot; `retrying` takes one
 * again.
 */
export const SLOT_HOLDING: ReadonlySet<WorksetState> = new Set(['pending', 'ready', 'locked', 'in_progress', 'retrying']);

export function holdsSlot(state: WorksetState): boolean {
  return SLOT_HOLDING.has(state);
}

export function canMove(from: WorksetState, to: WorksetState): boolean {
  return WORKSET_TRANSITIONS[from].includes(to);
}

export function isWorksetState(value: string): value is WorksetState {
  return (WORKSET_STATES as readonly string[]).includes(value);
}

/**
 * The state each sentinel file means. `daylily.ignore` is an operator's (the
 * runner must skip the folder); Portico's own cancel writes it too, after the
 * workset is already `canceled`, so its event then changes nothing.
 */
export const SENTINEL_STATES = {
  'daylily.ready': 'ready',
  'daylily.lock': 'locked',
  'daylily.in_progress': 'in_progress',
  'daylily.complete': 'complete',
  'daylily.error': 'error',
  'daylily.ignore': 'ignored',
} as const satisfies Record<string, WorksetState>;

export type SentinelName = keyof typeof SENTINEL_STATES;

/**
 * How far along a sentinel says the run is: when several exist, the most
 * advanced wins (complete / error over in_progress over lock over ready), so an
 * event for a less advanced one than the current state changes nothing.
 */
export const PROGRESS: Readonly<Partial<Record<WorksetState, number>>> = {
  pending: 0,
  ready: 0,
  retrying: 0,
  locked: 1,
  in_progress: 2,
  complete: 3,
  error: 3,
  failed: 4,
  canceled: 4,
  ignored: 4,
  archived: 5,
};
