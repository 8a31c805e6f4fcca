import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { counterKey, readCounters } from '#shared/usage/counters.ts';
import { ORPHAN_SLOT_SECONDS, HANDOVER_STALE_SECONDS } from '#shared/workset-lifecycle/sweep.ts';
import { getWorkset, insertWorkset, type WorksetRecord } from '#shared/workset-lifecycle/repository.ts';
import { newWorksetId } from '#shared/workset-lifecycle/workset-id.ts';
import { countCustomerItems, runScheduledFunction } from '../../support/local-stack.ts';
import { worksetTenant, writeSentinel } from './workset-support.ts';

/**
 * A hand-over stopped part way (the submitting function died after admission)
 * or a slot nobody releases must not hold a customer's capacity for ever: the
 * scheduled sweep converges both. The stopped states are written straight to
 * the tables, as a crash would leave them.
 */
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

async function takeSlot(customerId: string, worksetId: string, since: Date): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName('usage'),
      Key: counterKey(customerId),
      UpdateExpression: 'SET holders.#ws = :since',
      ExpressionAttributeNames: { '#ws': worksetId },
      ExpressionAttributeValues: { ':since': since.toISOString() },
    }),
  );
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes sentinels into a folder whose workset is not recorded yet, and waits until their events were handled (and so lost for it). */
async function lostSentinels(customer: { customer_id: string; s3_bucket: string }, worksetId: string, names: string[]): Promise<void> {
  const ledgerBefore = await countCustomerItems('usage', customer.customer_id);
  for (const name of names) await writeSentinel(customer.s3_bucket, worksetId, name);
  await until(async () => (await countCustomerItems('usage', customer.customer_id)) >= ledgerBefore + names.length);
}

async function stoppedHandOver(
  customer: { customer_id: string; s3_bucket: string },
  submittedAt: Date,
  workset_id = newWorksetId(submittedAt),
  state: WorksetRecord['state'] = 'pending',
): Promise<WorksetRecord> {
  const stamp = submittedAt.toISOString();
  const record: WorksetRecord = {
    customer_id: customer.customer_id,
    workset_id,
    state,
    customer_state: `${customer.customer_id}#${state}`,
    pipeline: 'germline_wgs_snv',
    reference_genome: 'hg38',
    priority: 'normal',
    sample_count: 1,
    bucket: customer.s3_bucket,
    prefix: `worksets/${workset_id}/`,
    export_uri: `s3://${customer.s3_bucket}/worksets/${workset_id}/results/`,
    files: [],
    submitted_at: stamp,
    submitted_by: 'test',
    updated_at: stamp,
    attempt_started_at: stamp,
    history: [{ state: 'pending', at: stamp, by: 'test' }],
    ...(state === 'pending' ? { pending: 'pending' as const } : {}),
  };
  await takeSlot(customer.customer_id, workset_id, submittedAt);
  expect(await insertWorkset(record)).toBe(true);
  return record;
}

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
