import { describe, expect, it } from 'vitest';
import { loadOptions, UsageError } from '#test/load/options.ts';

describe('loadOptions', () => {
  it('defaults to a run that passes on a 2-core machine, booting its own stack', () => {
    expect(loadOptions([], {})).toEqual({ durationSeconds: 30, warmupSeconds: 3, connections: [16], tenants: 20, slots: 3, settleSeconds: 30 });
  });

  it('takes LOAD_* variables, and flags over them; several connection levels separated by commas', () => {
    const options = loadOptions(['--duration', '10', '--connections', '8,16, 32', '--stack', '.local/stack.json'], { LOAD_DURATION: '60', LOAD_TENANTS: '5', LOAD_WARMUP: '0' });

    expect(options).toEqual({ durationSeconds: 10, warmupSeconds: 0, connections: [8, 16, 32], tenants: 5, slots: 3, settleSeconds: 30, stackFile: '.local/stack.json' });
  });

  it('refuses what is not a whole number in range, an empty level and unknown flags', () => {
    expect(() => loadOptions(['--tenants', '0'], {})).toThrow(/--tenants \(LOAD_TENANTS\) must be an integer of at least 1, not '0'/);
    expect(() => loadOptions([], { LOAD_DURATION: '2.5' })).toThrow(UsageError);
    expect(() => loadOptions(['--connections', '8,,16'], {})).toThrow(/not 'none'/);
    expect(() => loadOptions(['--rate', '5'], {})).toThrow(/Unknown option '--rate'/);
  });
});
