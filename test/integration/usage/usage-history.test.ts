import { PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { adminToken, api, customerWithMember, deliverS3ObjectEvent, localS3, runScheduledFunction } from '../../support/local-stack.ts';
import { submit, waitForWorksetState, worksetTenant } from '../worksets/workset-support.ts';
import { usageWhenStored } from './usage-support.ts';

const GIB = 1024 ** 3;
const month = (date: Date) => date.toISOString().slice(0, 7);
const daysIn = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();

async function backdateAttempt(customerId: string, worksetId: string, seconds: number): Promise<void> {
  const at = new Date(Date.now() - seconds * 1000).toISOString();
  await dynamo.send(
    new UpdateCommand({
      TableName: tableName('worksets'),
      Key: { customer_id: customerId, workset_id: worksetId },
      UpdateExpression: 'SET attempt_started_at = :at, submitted_at = :at',
      ExpressionAttributeValues: { ':at': at },
    }),
  );
}

const history = (customerId: string, token: string, query = '') => api('GET', `/customers/${customerId}/usage/history${query}`, { token });

function sentinel(bucket: string, worksetId: string, name: string, time: Date) {
  return {
    source: 'aws.s3',
    'detail-type': 'Object Created',
    time: time.toISOString(),
    detail: { bucket: { name: bucket }, object: { key: `worksets/${worksetId}/${name}`, size: 25, sequencer: '0' }, reason: 'PutObject' },
  };
}

/** Monthly usage records (issue 9, item 4): storage GB-months from daily samples, runs, compute hours, API requests. */
describe('usage history', () => {
  it("adds one storage sample per day to the month's GB-months, however often the sampling runs", async () => {
    const { customer, member } = await customerWithMember();
    const bytes = 3 * 1024 * 1024;
    await localS3().send(new PutObjectCommand({ Bucket: customer.s3_bucket, Key: 'uploads/a_R1.fastq.gz', Body: Buffer.alloc(bytes, 7) }));
    await usageWhenStored(customer.customer_id, member, bytes);

    await runScheduledFunction('usage.sampleStorage');
    await runScheduledFunction('usage.sampleStorage');

    const now = new Date();
    const answer = await history(customer.customer_id, member.token, `?from=${month(now)}&to=${month(now)}`);
    expect({ status: answer.status, body: answer.text }).toMatchObject({ status: 200 });
    const [current] = answer.body.months;
    expect(current).toMatchObject({ month: month(now), storage_sampled_days: 1 });
    expect(current.storage_gb_month).toBeCloseTo(bytes / GIB / daysIn(month(now)), 4);
  });

  it("counts a completed workset's compute hours and its run in the month it completed, once", async () => {
    const { customer, member } = await worksetTenant();
    const id = (await submit(customer.customer_id, member.token)).body.workset_id as string;
    await waitForWorksetState(customer.customer_id, id, member.token, 'ready');
    // The run took 2.01 hours, ending now: the workset is moved three hours into the past, and its
    // sentinels are delivered with the times the runner wrote them.
    await backdateAttempt(customer.customer_id, id, 3 * 3600);
    const completed = new Date();
    const started = new Date(completed.getTime() - (2 * 3600_000 + 36_000));
    await deliverS3ObjectEvent(sentinel(customer.s3_bucket, id, 'daylily.in_progress', started));
    await deliverS3ObjectEvent(sentinel(customer.s3_bucket, id, 'daylily.complete', completed));
    // The same completion again (a replayed event) counts nothing more.
    await deliverS3ObjectEvent(sentinel(customer.s3_bucket, id, 'daylily.complete', completed));

    const answer = await history(customer.customer_id, member.token, `?from=${month(started)}&to=${month(completed)}`);
    expect({ status: answer.status, body: answer.text }).toMatchObject({ status: 200 });
    const figures = answer.body.months.find((m: { month: string }) => m.month === month(completed));
    expect(figures).toMatchObject({ completed_worksets: 1, compute_hours: 2.01 });
    const runs = answer.body.months.reduce((sum: number, m: { runs: number }) => sum + m.runs, 0);
    expect(runs).toBe(1);
  });

  it("counts the members' requests to the customer's routes, not a platform admin's", async () => {
    const { customer, member } = await customerWithMember();
    const now = month(new Date());
    // Read as a platform admin, whose requests are not the customer's.
    const requests = async () => (await history(customer.customer_id, await adminToken(), `?from=${now}&to=${now}`)).body.months[0].api_requests as number;
    const before = await requests();
    for (let i = 0; i < 5; i += 1) expect((await api('GET', `/customers/${customer.customer_id}/usage`, { token: member.token })).status).toBe(200);
    expect(await requests()).toBe(before + 5);
    expect(await requests()).toBe(before + 5);
  });

  it('answers every month of the range, zeros where nothing was recorded, and refuses bad ranges with problem+json', async () => {
    const { customer, member } = await customerWithMember();
    const answer = await history(customer.customer_id, member.token, '?from=2025-11&to=2026-02');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ customer_id: customer.customer_id, from: '2025-11', to: '2026-02' });
    expect(answer.body.months.map((m: { month: string }) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(answer.body.months[0]).toEqual({ month: '2025-11', storage_gb_month: 0, storage_sampled_days: 0, runs: 0, completed_worksets: 0, compute_hours: 0, api_requests: 0 });
    const byDefault = await history(customer.customer_id, member.token);
    expect(byDefault.body.months).toHaveLength(12);
    expect(byDefault.body.to).toBe(month(new Date()));

    for (const query of ['?from=2026-13', '?from=2026-02&to=2025-11', '?from=2020-01&to=2026-01', '?from=26-01', '?month=2026-01', '?from=2026-1']) {
      const refused = await history(customer.customer_id, member.token, query);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
