import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/runtime.ts';
import { readCounters } from '#shared/usage/counters.ts';
import { monthKey, recordStorageSample } from '#shared/usage/monthly.ts';
import { daySampleOf } from '#shared/usage/storage-samples.ts';
import { reconcileCustomer } from '#shared/usage/storage-reconciliation.ts';
import { addMember, adminToken, api, createTestUser, customerWithMember, deliverS3ObjectEvent, localS3, localStack, type TestUser } from '../../support/local-stack.ts';
import { s3Event, usageOf, usageWhenStored } from './usage-support.ts';

const MIB = 1024 * 1024;
const thisMonth = () => new Date().toISOString().slice(0, 7);

async function apiRequestsOf(customerId: string): Promise<number> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: tableName('usage'), Key: monthKey(customerId, thisMonth()), ConsistentRead: true }));
  return Number(Item?.api_requests ?? 0);
}

type Tenant = Awaited<ReturnType<typeof customerWithMember>>;
/** A customer per probe that asserts its totals, all onboarded at once: the file stays fast. */
let a: Tenant & { admin: TestUser };
let b: Tenant;
let forged: Tenant;
let raced: Tenant;
let longKeys: Tenant;
let drifting: Tenant;

beforeAll(async () => {
  const [withAdmin, ...others] = await Promise.all([
    // A's name is one a spreadsheet would run; its member only ever tries B, so its API requests stay 0 (and its export row stable).
    customerWithMember({ customer_name: '@SUM(1+1)*cmd|" /C calc"!A0' }).then(async (tenant) => {
      const admin = await createTestUser();
      await addMember(tenant.customer.customer_id, admin.email, 'admin');
      return { ...tenant, admin };
    }),
    ...Array.from({ length: 5 }, () => customerWithMember()),
  ]);
  a = withAdmin;
  [b, forged, raced, longKeys, drifting] = others as [Tenant, Tenant, Tenant, Tenant, Tenant];
});

function expectProblem(answer: { status: number; headers: Headers }, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
}

/**
 * An outsider's review of usage, billing and status (issue 9): other tenants'
 * ids, forged and malformed S3 events, races, bad input, export links, and a
 * lost event the daily reconciliation must converge.
 */
describe.concurrent('outside review', () => {
describe('outside review: tenants', () => {
  it("refuses a member of A on B's usage and history, and counts neither customer's API requests for it", async () => {
    const [beforeA, beforeB] = await Promise.all([apiRequestsOf(a.customer.customer_id), apiRequestsOf(b.customer.customer_id)]);
    for (const path of ['/usage', '/usage/history', `/usage/history?from=${thisMonth()}&to=${thisMonth()}`]) {
      expectProblem(await api('GET', `/customers/${b.customer.customer_id}${path}`, { token: a.member.token }), 403);
    }
    expect(await apiRequestsOf(b.customer.customer_id)).toBe(beforeB);
    expect(await apiRequestsOf(a.customer.customer_id)).toBe(beforeA);
  });

  it('refuses a customer admin on every platform route with problem+json', async () => {
    const { admin } = a;
    for (const [method, path, body] of [
      ['GET', `/billing/export?period=${thisMonth()}`],
      ['GET', '/admin/status'],
      ['GET', '/admin/rollout'],
      ['POST', '/admin/rollout', { batch_size: 1 }],
    ] as const) {
      expectProblem(await api(method, path, { token: admin.token, ...(body ? { body } : {}) }), 403);
    }
  });
});

describe('outside review: S3 object events', () => {
  it('ignores events of the finance bucket and of buckets that only look like a customer bucket', async () => {
    const { customer } = forged;
    const id = customer.customer_id as string;
    const prefix = localStack().bucket_prefix;
    const others = [localStack().platform_buckets.finance, `${prefix}-${id}x`, `${prefix}x-${id}`, `${prefix.toUpperCase()}-${id}`, `${prefix}-${id}.evil`, `x${prefix}-${id}`, `${prefix}--${id}`];
    const results = await Promise.all(others.map((bucket) => deliverS3ObjectEvent(s3Event('object-created', bucket, { key: 'uploads/x_R1.fastq.gz', size: 5 * MIB, sequencer: 'FF' }))));
    expect(results).toEqual(others.map(() => 'ignored: not a customer bucket'));
  });

  it('counts nothing for a size that is negative, not a number, fractional or beyond any object, nor for a sequencer that is not S3-shaped hex', async () => {
    const { customer, member } = forged;
    const bucket = customer.s3_bucket as string;
    const key = 'uploads/forged_R1.fastq.gz';
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size: 1000, 'version-id': 'v1', sequencer: '10' }))).toBe('applied');
    const badSizes: unknown[] = [-5 * MIB, '5242880', 'abc', 1.5, 1e300, null, true, { n: 1 }];
    const sizes = await Promise.all(
      badSizes.map((size, i) => deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size: size as number, 'version-id': `f${i}`, sequencer: '20' }))),
    );
    for (const result of sizes) expect(result).toMatch(/^ignored: size/);
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 1000, object_count: 1 });
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key, size: 500, 'version-id': 'v2', sequencer: '30' }))).toBe('applied');

    // A forged sequencer longer than any S3 writes would make every later event of the key look old.
    const locked = 'results/locked.bam';
    const sequencers = await Promise.all(
      ['ZZZZZZZZ', 'F'.repeat(40), '12 34', '', '0x10', '١٢٣'].map((sequencer) => deliverS3ObjectEvent(s3Event('object-created', bucket, { key: locked, size: 10, 'version-id': undefined, sequencer }))),
    );
    for (const result of sequencers) expect(result).toMatch(/^ignored: sequencer/);
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key: locked, size: 70, 'version-id': undefined, sequencer: '617f08299329d189' }))).toBe('applied');
    // Without a sequencer an event counts as the oldest: it never undoes a real one.
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key: locked, size: 1, 'version-id': undefined, sequencer: undefined }))).toBe('duplicate');
    expect(await deliverS3ObjectEvent(s3Event('permanently-deleted', bucket, { key: locked, 'version-id': undefined, sequencer: undefined }))).toBe('duplicate');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 1570, object_count: 3 });
    expect(await deliverS3ObjectEvent(s3Event('permanently-deleted', bucket, { key: locked, 'version-id': undefined, sequencer: '617f08299329d200' }))).toBe('applied');
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: 1500, object_count: 2 });
  });

  it('counts objects whose keys fill the 1,024 bytes S3 allows, and keys of any script, and frees them again', async () => {
    const { customer, member } = longKeys;
    const bucket = customer.s3_bucket as string;
    // 1,024 bytes of UTF-8 in folders short enough for any file system: the longest key S3 takes.
    const folder = `${'é'.repeat(60)}/`;
    const longKey = `uploads/${folder.repeat(8)}`.padEnd(1024 - 8 * 60, 'a');
    expect(Buffer.byteLength(longKey)).toBe(1024);
    const keys = [longKey, 'uploads/ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧬 RTL ‮gpj.exe_R1.fastq.gz', 'results/e\u0301/café.bam', 'other/%2F..%2F/x+y z.txt'];
    await Promise.all(keys.map((key, i) => localS3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(100 + i, 1) }))));
    const total = keys.reduce((sum, _key, i) => sum + 100 + i, 0);
    expect(await usageWhenStored(customer.customer_id, member, total)).toMatchObject({ object_count: keys.length, storage_by_prefix: { uploads: { bytes: 201, object_count: 2 } } });
    await Promise.all(keys.map((key) => localS3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))));
    expect(await usageWhenStored(customer.customer_id, member, 0)).toMatchObject({ object_count: 0 });
  });

  it('ends exact when 25 deliveries of creations, copies and deletions of ten versions race in any order, while usage is read', async () => {
    const { customer, member } = raced;
    const bucket = customer.s3_bucket as string;
    const key = 'results/raced.bam';
    const events = Array.from({ length: 10 }, (_, v) => [
      s3Event('object-created', bucket, { key, size: 1000 + v, 'version-id': `v${v}`, sequencer: `A${v}0` }),
      s3Event('permanently-deleted', bucket, { key, 'version-id': `v${v}`, sequencer: `A${v}1` }),
      s3Event('object-created', bucket, { key, size: 1000 + v, 'version-id': `v${v}`, sequencer: `A${v}0` }),
    ]).flat();
    // Versions 0-4 keep their creation only: what is left stored.
    const kept = events.filter((e, i) => !(e['detail-type'] === 'Object Deleted' && Math.floor(i / 3) < 5));
    const shuffled = kept.map((event, i) => ({ event, order: (i * 7919) % kept.length })).sort((x, y) => x.order - y.order);
    const reads = Array.from({ length: 10 }, () => api('GET', `/customers/${customer.customer_id}/usage`, { token: member.token }));
    const [results, answers] = await Promise.all([Promise.all(shuffled.map(({ event }) => deliverS3ObjectEvent(event))), Promise.all(reads)]);
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(results.every((r) => ['applied', 'duplicate', 'unknown'].includes(r))).toBe(true);
    const expected = [0, 1, 2, 3, 4].reduce((sum, v) => sum + 1000 + v, 0);
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: expected, object_count: 5 });
  });
});

describe('outside review: a lost event and the daily reconciliation', () => {
  it('converges the counters and keeps them there, though each correction lands after the next day is sampled', async () => {
    const { customer, member } = drifting;
    const bucket = customer.s3_bucket as string;
    // 3 MiB were counted; the event of 5 MiB more was lost: S3 holds 8 MiB from then on.
    expect(await deliverS3ObjectEvent(s3Event('object-created', bucket, { key: 'results/kept.bam', size: 3 * MIB, sequencer: '10' }))).toBe('applied');
    const real = 8 * MIB;
    const start = Date.UTC(2030, 0, 1);
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    const seen: number[] = [];
    // As scheduled: on day n, the sample at 00:05, then at 12:00 the reconciliation of day n-1 (published during day n).
    for (let n = 0; n < 8; n += 1) {
      await recordStorageSample(customer.customer_id, day(n), daySampleOf(await readCounters(customer.customer_id, true)), new Date(`${day(n)}T00:05:00Z`));
      if (n === 0) continue;
      const figures = { bucket, day: day(n - 1), timestamp: new Date(`${day(n - 1)}T00:00:00Z`), bytes: real, objects: 2, byStorageType: { StandardStorage: real } };
      await reconcileCustomer(customer, figures, new Date(`${day(n)}T12:00:00Z`));
      seen.push((await readCounters(customer.customer_id, true)).storage_bytes);
    }
    expect(seen).toEqual(Array(7).fill(real));
    expect(await usageOf(customer.customer_id, member)).toMatchObject({ storage_bytes: real, object_count: 2 });
  });
});

describe('outside review: billing export', () => {
  it('answers 400 problem+json to malformed, future and ambiguous periods', async () => {
    const token = await adminToken();
    const next = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    for (const query of [`?period=${next}`, '?period=2026-01-01', '?period=２０２６-01', '?period=2026-00', '?period=%202026-01', '?period=2026-01%0A', '?period=']) {
      const answer = await api('GET', `/billing/export${query}`, { token });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('gives 8 parallel exports each its own file with the same row, and a link that reaches that file only', async () => {
    const token = await adminToken();
    const { customer } = a;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${localStack().api_url}/billing/export?period=${thisMonth()}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(303));
    const links = answers.map((a) => a.headers.get('location') ?? '');
    expect(new Set(links.map((l) => new URL(l).pathname)).size).toBe(8);
    const rows = await Promise.all(
      links.slice(0, 5).map(async (link) => (await (await fetch(link)).text()).split('\r\n').find((line) => line.startsWith(customer.customer_id))),
    );
    expect(new Set(rows).size).toBe(1);
    expect(rows[0]).toContain(`,"'@SUM(1+1)*cmd|"" /C calc""!A0",`);

    const link = new URL(links[0] as string);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    const elsewhere = new URL(link);
    elsewhere.pathname = link.pathname.replace(/[^/]+$/, 'other.csv');
    expect((await fetch(elsewhere)).status).toBe(403);
    const longer = new URL(link);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(longer)).status).toBe(403);
  });
});
});
