import { describe, expect, it } from 'vitest';
import { canMove, holdsSlot, PROGRESS, SENTINEL_STATES, WORKSET_STATES, WORKSET_TRANSITIONS } from '#shared/workset-lifecycle/states.ts';
import { SENTINELS } from '#shared/worksets/runner-files/index.ts';

describe('the workset state machine', () => {
  it('names the states the Daylily portal kept, plus pending', () => {
    expect(WORKSET_STATES).toEqual(['pending', 'ready', 'locked', 'in_progress', 'complete', 'error', 'retrying', 'failed', 'canceled', 'archived', 'ignored']);
  });

  it('only moves to declared states, never to itself, and archived is final', () => {
    for (const from of WORKSET_STATES) {
      for (const to of WORKSET_TRANSITIONS[from]) {
        expect(WORKSET_STATES).toContain(to);
        expect(to).not.toBe(from);
      }
    }
    expect(WORKSET_TRANSITIONS.archived).toEqual([]);
  });

  it('reaches archived from every state but pending and the running ones', () => {
    const reachable = (from: string, seen = new Set<string>()): Set<string> => {
      for (const to of WORKSET_TRANSITIONS[from as keyof typeof WORKSET_TRANSITIONS]) if (!seen.has(to)) reachable(to, seen.add(to));
      return seen;
    };
    for (const state of WORKSET_STATES.filter((s) => s !== 'archived')) expect([state, reachable(state).has('archived')]).toEqual([state, true]);
  });

  it('holds a slot exactly while admitted and unfinished', () => {
    expect(WORKSET_STATES.filter(holdsSlot)).toEqual(['pending', 'ready', 'locked', 'in_progress', 'retrying']);
  });

  it('lets a finished workset go nowhere but archived or a retry', () => {
    expect(canMove('complete', 'in_progress')).toBe(false);
    expect(canMove('canceled', 'ready')).toBe(false);
    expect(canMove('error', 'retrying')).toBe(true);
    expect(canMove('failed', 'retrying')).toBe(true);
    expect(canMove('retrying', 'locked')).toBe(true);
  });

  it("maps every sentinel of the runner's folder to a state, the most advanced furthest", () => {
    expect(Object.keys(SENTINEL_STATES).sort()).toEqual([...SENTINELS].sort());
    const progress = (name: keyof typeof SENTINEL_STATES) => PROGRESS[SENTINEL_STATES[name]] ?? -1;
    expect(progress('daylily.complete')).toBeGreaterThan(progress('daylily.in_progress'));
    expect(progress('daylily.error')).toBe(progress('daylily.complete'));
    expect(progress('daylily.in_progress')).toBeGreaterThan(progress('daylily.lock'));
    expect(progress('daylily.lock')).toBeGreaterThan(progress('daylily.ready'));
    for (const state of WORKSET_STATES) expect([state, typeof PROGRESS[state]]).toEqual([state, 'number']);
  });
});
