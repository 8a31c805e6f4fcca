/**
 * `npm run bench`, usage part: what `GET /customers/{id}/usage` reads, on
 * DynamoDB Local started here in memory, for a customer with 10 objects and
 * one with 10,000 (their ledger items written as the metering writes them).
 *
 * - Latency p50 and p99 of the route's read (the counter item and the plans,
 *   through the real code and client), 10,000 objects as a ratio to 10,
 *   interleaved in the same run (goal: at most 1.1: nothing on the request
 *   path grows with the objects).
 * - Read capacity of one usage read, from ReturnConsumedCapacity (the plans
 *   are cached per container, so a warm read is the counter item alone).
 */
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BatchGetItemCommand } from '@aws-sdk/client-dynamodb';
import { benchDynamoDb } from './bench-dynamodb.ts';
import { tables } from '#shared/tables/definitions.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const WARMUP = 200;
const SMALL = { id: 'small-genomics-0a1b2c3d', objects: 10 };
const LARGE = { id: 'large-genomics-0a1b2c3d', objects: 10_000 };

const dynamoDb = await benchDynamoDb([tables.usage, tables.plans]);
try {
  const names = { usage: process.env[tables.usage.envVar] as string, plans: process.env[tables.plans.envVar] as string };
  const { dynamo } = await import('#shared/clients/dynamodb.ts');
  const { counterKey, readCounters } = await import('#shared/usage/counters.ts');
  const { quotasOf } = await import('#shared/customers/views.ts');
  const { usageReport } = await import('#shared/usage/usage-report.ts');

  for (const customer of [SMALL, LARGE]) {
    for (let start = 0; start < customer.objects; start += 25) {
      const items = Array.from({ length: Math.min(25, customer.objects - start) }, (_, i) => ({
        PutRequest: {
          Item: { customer_id: customer.id, record: `object#null#uploads/s${start + i}_R1.fastq.gz`, size: 1_000_000, sequencer: '0000000000000000000000000000001' },
        },
      }));
      await dynamo.send(new BatchWriteCommand({ RequestItems: { [names.usage]: items } }));
    }
    await dynamo.send(
      new UpdateCommand({
        TableName: names.usage,
        Key: counterKey(customer.id),
        UpdateExpression: 'SET #status = :active, storage_bytes = :b, object_count = :o, #cb = :b, #co = :o, holders = :h, reserved_bytes = :z, committed_bytes = :b',
        ExpressionAttributeNames: { '#status': 'status', '#cb': 'storage_bytes#uploads', '#co': 'object_count#uploads' },
        ExpressionAttributeValues: { ':active': 'ACTIVE', ':b': customer.objects * 1_000_000, ':o': customer.objects, ':h': {}, ':z': 0 },
      }),
    );
  }

  const customerItem = (id: string) => ({ customer_id: id, plan: 'standard' }) as Parameters<typeof quotasOf>[0];
  /** The route's read: the customer's quotas (plans, cached) and its counter item, into the answer. */
  const usageRead = async (id: string) => {
    const [quotas, counters] = await Promise.all([quotasOf(customerItem(id)), readCounters(id)]);
    return usageReport(customerItem(id), quotas, counters, new Date());
  };

  const timings = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
    for (const [name, customer] of [['small', SMALL], ['large', LARGE]] as const) {
      const started = performance.now();
      const report = await usageRead(customer.id);
      const elapsed = performance.now() - started;
      if (report.object_count !== customer.objects) throw new Error(`${name}: read ${report.object_count} objects`);
      if (i >= WARMUP) timings[name].push(elapsed);
    }
  }
  const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

  const counterRead = await dynamo.send(new GetCommand({ TableName: names.usage, Key: counterKey(LARGE.id), ReturnConsumedCapacity: 'TOTAL' }));
  const plansRead = await dynamo.send(
    new BatchGetItemCommand({
      RequestItems: { [names.plans]: { Keys: ['free', 'standard', 'enterprise'].map((plan) => ({ plan_id: { S: plan } })) } },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const plansRcu = (plansRead.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);

  const row = (label: string, small: number, large: number) =>
    `| ${label} | ${small.toFixed(3)} ms | ${large.toFixed(3)} ms | ${(large / small).toFixed(2)}x |`;
  console.log(`\nUsage read (GET /customers/{id}/usage), DynamoDB Local, ${ITERATIONS} interleaved reads each:`);
  console.log('| | 10 objects | 10,000 objects | ratio (goal <= 1.1) |');
  console.log('| --- | --- | --- | --- |');
  console.log(row('p50', percentile(timings.small, 50), percentile(timings.large, 50)));
  console.log(row('p99', percentile(timings.small, 99), percentile(timings.large, 99)));
  console.log(
    `Read capacity of one usage read: ${counterRead.ConsumedCapacity?.CapacityUnits ?? '?'} RCU (the counter item, eventually consistent) when warm; ` +
      `+${plansRcu} RCU on a cold container (the plans' BatchGetItem, then cached), the same for 10 or 10,000 objects.`,
  );
} finally {
  dynamoDb.process.kill('SIGKILL');
}
