import { describe, expect, it } from 'vitest';
import { readCounters } from '#shared/usage/counters.ts';
import { ORPHAN_SLOT_SECONDS, HANDOVER_STALE_SECONDS } from '#shared/workset-lifecycle/sweep.ts';
import { getWorkset } from '#shared/workset-lifecycle/repository.ts';
import { newWorksetId } from '#shared/workset-lifecycle/workset-id.ts';
import { countCustomerItems, runScheduledFunction } from '../../support/local-stack.ts';
import { ago, lostSentinels, stoppedHandOver, takeSlot, until, worksetTenant, writeSentinel } from './workset-support.ts';

/**
 * A hand-over stopped part way (the submitting function died after admission)
 * or a slot nobody releases must not hold a customer's capacity for ever: the
 * scheduled sweep converges both. The stopped states are written straight to
 * the tables, as a crash would leave them.
 */
describe('the worksets sweep', () => {
  it('makes a stopped hand-over ready when the runner can see it, failed (slot released) when it cannot, and releases orphan slots', async () => {
    const { customer } = await worksetTenant();
    const stale = ago(HANDOVER_STALE_SECONDS + 60);
    // Its daylily.ready was written and the event for it lost: it reached the storage ledger before the workset was recorded.
    const visibleId = newWorksetId(stale);
    const ledgerBefore = await countCustomerItems('usage', customer.customer_id);
    await writeSentinel(customer.s3_bucket, visibleId, 'daylily.ready');
    await until(async () => (await countCustomerItems('usage', customer.customer_id)) > ledgerBefore);
    const visible = await stoppedHandOver(customer, stale, visibleId);
    const invisible = await stoppedHandOver(customer, stale);
    const recent = await stoppedHandOver(customer, new Date());
    await takeSlot(customer.customer_id, 'ws-lost', ago(ORPHAN_SLOT_SECONDS + 60));
    await takeSlot(customer.customer_id, 'ws-lost-recently', ago(10));

    await runScheduledFunction('worksets.reconcile');

    expect((await getWorkset(customer.customer_id, visible.workset_id))?.history.at(-1)).toMatchObject({ state: 'ready', by: 'system:worksets-sweep' });
    const failed = await getWorkset(customer.customer_id, invisible.workset_id);
    expect(failed).toMatchObject({ state: 'failed', state_reason: 'Its hand-over to the runner did not complete; nothing was run. Submit it again.' });
    expect(failed?.pending).toBeUndefined();
    expect((await getWorkset(customer.customer_id, recent.workset_id))?.state).toBe('pending');
    const holders = Object.keys((await readCounters(customer.customer_id, true)).holders).sort();
    expect(holders).toEqual([visible.workset_id, recent.workset_id, 'ws-lost-recently'].sort());

    // A second run changes nothing more.
    await runScheduledFunction('worksets.reconcile');
    expect(Object.keys((await readCounters(customer.customer_id, true)).holders).sort()).toEqual(holders);
  });

  it('moves a stopped hand-over straight to complete when the runner already finished, and a running workset whose complete event was lost', async () => {
    const { customer } = await worksetTenant();
    const stale = ago(ORPHAN_SLOT_SECONDS + 60);
    const finishedId = newWorksetId(stale);
    const runningId = newWorksetId(stale);
    await lostSentinels(customer, finishedId, ['daylily.ready', 'daylily.complete']);
    await lostSentinels(customer, runningId, ['daylily.complete']);
    const finished = await stoppedHandOver(customer, stale, finishedId);
    const running = await stoppedHandOver(customer, stale, runningId, 'in_progress');

    const result = await runScheduledFunction('worksets.reconcile');

    // The sweep covers every customer; other files' worksets may be counted too.
    expect(result.handedOver).toBeGreaterThanOrEqual(1);
    expect(result.advanced).toBeGreaterThanOrEqual(1);
    expect((await getWorkset(customer.customer_id, finished.workset_id))?.history.at(-1)).toMatchObject({ state: 'complete', by: 'system:worksets-sweep' });
    expect((await getWorkset(customer.customer_id, running.workset_id))?.history.at(-1)).toMatchObject({ state: 'complete', by: 'system:worksets-sweep' });
    expect((await readCounters(customer.customer_id, true)).holders).toEqual({});
  });
});
