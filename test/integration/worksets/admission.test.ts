import { describe, expect, it } from 'vitest';
import { api, deliverS3ObjectEvent } from '../../support/local-stack.ts';
import { byStatus, sentinelEvent, submit, waitForWorksetState, worksetTenant, writeSentinel } from './workset-support.ts';

const LIMIT = 10;
const PARALLEL = 100;
const ROUNDS = 5;

async function slotsInUse(customerId: string, token: string): Promise<number> {
  const quotas = await api('GET', `/customers/${customerId}/quotas`, { token });
  return quotas.body.quotas.find((q: { quota: string }) => q.quota === 'max_concurrent_worksets').used;
}

describe('admission under concurrency', () => {
  it(`admits exactly ${LIMIT} of ${PARALLEL} parallel submissions, ${ROUNDS} times in a row; the rest get 429 naming the quota`, async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: LIMIT });
    const id = customer.customer_id;

    for (let round = 1; round <= ROUNDS; round++) {
      const answers = byStatus(await Promise.all(Array.from({ length: PARALLEL }, () => submit(id, member.token))));

      expect(Object.keys(answers), `round ${round}`).toEqual(['201', '429']);
      expect(answers[201], `round ${round}`).toHaveLength(LIMIT);
      expect(answers[429]).toHaveLength(PARALLEL - LIMIT);
      for (const refused of answers[429] ?? []) {
        expect(refused.headers.get('content-type')).toBe('application/problem+json');
        expect(refused.body).toMatchObject({ status: 429, quota: 'max_concurrent_worksets', limit: LIMIT, used: LIMIT, detail: `${LIMIT} of ${LIMIT} concurrent worksets in use; submit again when one finishes.` });
      }
      expect(new Set(answers[201]?.map((a) => a.body.workset_id)).size).toBe(LIMIT);
      expect(await slotsInUse(id, member.token)).toBe(LIMIT);
      // Free every slot for the next round; the last round keeps its ten.
      const toCancel = round < ROUNDS ? (answers[201] ?? []) : [];
      const canceled = await Promise.all(toCancel.map((a) => api('POST', `/customers/${id}/worksets/${a.body.workset_id}/cancel`, { token: member.token })));
      expect(canceled.every((c) => c.status === 200)).toBe(true);
      expect(await slotsInUse(id, member.token)).toBe(round < ROUNDS ? 0 : LIMIT);
    }
  });

  it('frees exactly one slot when the runner writes daylily.complete, and a replay of that event frees nothing', async () => {
    const { customer, member } = await worksetTenant({ max_concurrent_worksets: 3 });
    const id = customer.customer_id;
    const admitted = await Promise.all([1, 2, 3].map(() => submit(id, member.token)));
    expect(admitted.map((a) => a.status)).toEqual([201, 201, 201]);
    expect((await submit(id, member.token)).status).toBe(429);
    const finished = admitted[0]?.body.workset_id as string;

    await writeSentinel(customer.s3_bucket, finished, 'daylily.complete');
    await waitForWorksetState(id, finished, member.token, 'complete');

    const after = byStatus(await Promise.all(Array.from({ length: 20 }, () => submit(id, member.token))));
    expect(after[201]).toHaveLength(1);
    expect(after[429]).toHaveLength(19);

    // The same event delivered again (EventBridge delivers at least once).
    const replayed = await deliverS3ObjectEvent(sentinelEvent(customer.s3_bucket, finished, 'daylily.complete'));
    expect(replayed).toContain('ignored: complete is as far as complete');
    expect(await slotsInUse(id, member.token)).toBe(3);
    expect((await submit(id, member.token)).status).toBe(429);
  });
});
