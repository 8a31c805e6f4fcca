import { describe, expect, it } from 'vitest';
import { tenantViolations, type TenantModel, type TenantObservation } from '#test/load/invariant-rules.ts';

/** A tenant after a clean run: ws-1 and ws-2 admitted, ws-2 canceled, ws-3 finished, one 100-byte upload and the runner files. */
function cleanRun(): { observed: TenantObservation; model: TenantModel } {
  return {
    observed: {
      counters: { holders: ['ws-1'], storage_bytes: 160, object_count: 3, reserved_bytes: 0, runs: 3 },
      worksets: new Map([
        ['ws-1', 'ready'],
        ['ws-2', 'canceled'],
        ['ws-3', 'complete'],
      ]),
      objects: [
        { key: 'uploads/2026/11/23/up-1/a_R1.fastq.gz', size: 100 },
        { key: 'worksets/ws-1/daylily.ready', size: 25 },
        { key: 'worksets/ws-3/daylily.complete', size: 35 },
      ],
      usage: { storage_bytes: 160, object_count: 3, active_worksets: 1 },
    },
    model: { slots: 3, held: ['ws-1'], admitted: new Set(['ws-1', 'ws-2', 'ws-3']), canceled: new Set(['ws-2']), finished: new Set(['ws-3']), uploadedBytes: 100, uncertainWrites: 0 },
  };
}

describe('tenantViolations', () => {
  it('finds nothing when counters, worksets, bucket and usage route agree with what the load did', () => {
    const { observed, model } = cleanRun();

    expect(tenantViolations(observed, model)).toEqual([]);
  });

  it('reports a holder whose workset no longer holds a slot, and a slot-holding workset missing from holders', () => {
    const { observed, model } = cleanRun();

    const violations = tenantViolations({ ...observed, counters: { ...observed.counters, holders: ['ws-2'] } }, model);

    expect(violations[0]).toBe('counter holders ≠ worksets in slot-holding states: holders without a slot-holding workset [ws-2], slot-holding worksets not in holders [ws-1]');
    expect(violations).toContain('counter holders [ws-2] ≠ the worksets admitted and not canceled or finished [ws-1]');
  });

  it('reports stored bytes and objects that differ from the bucket, and a usage route that says otherwise', () => {
    const { observed, model } = cleanRun();

    const violations = tenantViolations({ ...observed, counters: { ...observed.counters, storage_bytes: 125, object_count: 2 }, usage: { storage_bytes: 125, object_count: 2, active_worksets: 1 } }, model);

    expect(violations).toEqual([
      'storage_bytes 125 ≠ 160 bytes in the bucket',
      'object_count 2 ≠ 3 objects in the bucket',
      'GET usage says 125 bytes, 2 objects, 1 active worksets; the bucket holds 160 bytes in 3 objects and 1 worksets hold slots',
    ]);
  });

  it('reports more holders than slots, runs that differ from admissions, and worksets nobody admitted', () => {
    const { observed, model } = cleanRun();
    const worksets = new Map(observed.worksets);
    for (const id of ['ws-4', 'ws-5', 'ws-6']) worksets.set(id, 'pending');

    const violations = tenantViolations(
      { ...observed, worksets, counters: { ...observed.counters, holders: ['ws-1', 'ws-4', 'ws-5', 'ws-6'], runs: 6 }, usage: { ...observed.usage, active_worksets: 4 } },
      model,
    );

    expect(violations).toContain('4 worksets hold slots, above max_concurrent_worksets 3');
    expect(violations).toContain('runs counted 6 ≠ 3 admitted submissions');
    expect(violations).toContain('worksets recorded that no 201 answered: [ws-4, ws-5, ws-6]');
  });

  it('reports a canceled workset in another state, upload bytes that differ and a reservation left over', () => {
    const { observed, model } = cleanRun();
    const worksets = new Map(observed.worksets);
    worksets.set('ws-2', 'ready');

    const violations = tenantViolations(
      { ...observed, worksets, counters: { ...observed.counters, holders: ['ws-1', 'ws-2'], reserved_bytes: 50 }, usage: { ...observed.usage, active_worksets: 2 } },
      { ...model, uploadedBytes: 150 },
    );

    expect(violations).toContain('worksets the load moved to canceled are not: ws-2=ready');
    expect(violations).toContain("reserved_bytes 50 ≠ 0 though every upload's bytes arrived");
    expect(violations).toContain('100 bytes under uploads/ ≠ 150 bytes the load uploaded');
  });

  it("checks only the platform's own invariants when a write of the tenant was answered unexpectedly", () => {
    const { observed, model } = cleanRun();

    const violations = tenantViolations({ ...observed, counters: { ...observed.counters, runs: 4, reserved_bytes: 50 } }, { ...model, uncertainWrites: 1 });

    expect(violations).toEqual([]);
  });
});
