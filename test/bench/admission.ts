/**
 * `npm run bench`, admission part: what one workset admission costs on
 * DynamoDB Local, started here in memory.
 *
 * - Write capacity, read from ReturnConsumedCapacity, for an admission that
 *   succeeds and one that is refused (goal: 1 WCU each; the counter item
 *   stays under 1 KB).
 * - Latency p50 and p99 of the admission (`admitWorkset`, the real code and
 *   client) as a ratio to a bare UpdateItem on the same item through the same
 *   client, interleaved in the same run so the ratio holds on any machine
 *   (goal: at most 1.3).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { GetItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { benchDynamoDb } from './bench-dynamodb.ts';
import { tables } from '#shared/tables/definitions.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const WARMUP = 200;
const HOLDERS = 10;
const CUSTOMER = 'bench-genomics-0a1b2c3d';

const dynamoDb = await benchDynamoDb([tables.usage]);
try {
  const usageTable = process.env[tables.usage.envVar] as string;
  // Imported once the environment points at the emulator, as a Lambda container reads it at cold start.
  const { dynamo } = await import('#shared/clients/dynamodb.ts');
  const { admitWorkset } = await import('#shared/workset-lifecycle/admission.ts');
  const { counterKey, mirrorStatusItem } = await import('#shared/usage/counters.ts');
  const { newWorksetId } = await import('#shared/workset-lifecycle/workset-id.ts');

  // A realistic counter item: ACTIVE, some storage, a month of runs, HOLDERS - 1 slots taken.
  await dynamo.send(new UpdateCommand(mirrorStatusItem(CUSTOMER, 'ACTIVE', new Date().toISOString()).Update));
  await dynamo.send(
    new UpdateCommand({
      TableName: usageTable,
      Key: counterKey(CUSTOMER),
      UpdateExpression: 'SET storage_bytes = :bytes, object_count = :objects, reserved_bytes = :zero, committed_bytes = :bytes',
      ExpressionAttributeValues: { ':bytes': 512 * 1024 ** 3, ':objects': 4096, ':zero': 0 },
    }),
  );
  const held: string[] = [];
  const limits = (concurrent: number) =>
    ({
      maxConcurrentWorksets: { limit: concurrent, mode: 'enforce' },
      maxRunsPerMonth: { limit: 1_000_000, mode: 'enforce' },
      maxStorageGb: { limit: 5_000, mode: 'enforce' },
    }) as const;
  for (let i = 0; i < HOLDERS - 1; i++) {
    const id = newWorksetId(new Date());
    held.push(id);
    await admitWorkset(CUSTOMER, id, limits(HOLDERS));
  }

  const release = (id: string) =>
    dynamo.send(
      new UpdateCommand({ TableName: usageTable, Key: counterKey(CUSTOMER), UpdateExpression: 'REMOVE holders.#ws', ExpressionAttributeNames: { '#ws': id } }),
    );
  const bare = new UpdateItemCommand({
    TableName: usageTable,
    Key: { customer_id: { S: CUSTOMER }, record: { S: 'counters' } },
    UpdateExpression: 'SET bench_touch = :t',
    ExpressionAttributeValues: { ':t': { S: 'x' } },
    ReturnConsumedCapacity: 'TOTAL',
  });

  // Write capacity: one admission that takes the last slot, one refused because none is left.
  const admittedId = newWorksetId(new Date());
  const admitted = await admitWorkset(CUSTOMER, admittedId, limits(HOLDERS));
  const refused = await admitWorkset(CUSTOMER, newWorksetId(new Date()), limits(HOLDERS));
  const bareWcu = (await dynamo.send(bare)).ConsumedCapacity?.CapacityUnits;
  await release(admittedId);
  if (!admitted.admitted || refused.admitted) throw new Error('the capacity probe did not admit then refuse');

  // Latency, interleaved: admission (then an untimed release, so every admission sees the same item) vs bare UpdateItem.
  const admission: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const id = `ws-bench-${randomBytes(4).toString('hex')}`;
    let started = performance.now();
    const result = await admitWorkset(CUSTOMER, id, limits(HOLDERS));
    const admissionMs = performance.now() - started;
    if (!result.admitted) throw new Error('admission refused during the latency run');
    await release(id);
    started = performance.now();
    await dynamo.send(bare);
    const bareMs = performance.now() - started;
    if (i >= WARMUP) {
      admission.push(admissionMs);
      baseline.push(bareMs);
    }
  }

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  };
  const row = (name: string, p: number) => {
    const a = percentile(admission, p);
    const b = percentile(baseline, p);
    return `  ${name.padEnd(4)} admission ${a.toFixed(2)} ms   bare UpdateItem ${b.toFixed(2)} ms   ratio ${(a / b).toFixed(2)} (goal ≤ 1.30)`;
  };
  const wcu = (value: number | undefined) => (value === undefined ? 'not reported' : `${value} WCU`);
  // DynamoDB Local reports no capacity with a failed condition; AWS charges it as a write of the item's size.
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: usageTable, Key: bare.input.Key, ConsistentRead: true }));
  const itemBytes = itemSize(Item ?? {});
  const refusedWcu = refused.consumedWcu === undefined ? `${Math.ceil(itemBytes / 1024)} WCU by item size (${itemBytes} bytes; DynamoDB Local reports none on a failed condition)` : `${refused.consumedWcu} WCU`;

  console.log(
    [
      '',
      `Workset admission on DynamoDB Local (counter item with ${HOLDERS} slots held, ${ITERATIONS} interleaved runs after ${WARMUP} warm-up)`,
      `  write capacity: admitted ${wcu(admitted.consumedWcu)}, refused ${refusedWcu}, bare UpdateItem ${wcu(bareWcu)} (goal: 1 WCU each)`,
      row('p50', 50),
      row('p99', 99),
      '',
    ].join('\n'),
  );
} finally {
  dynamoDb.process.kill('SIGKILL');
}

/** An item's size as DynamoDB counts it for capacity: names plus values (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html). */
function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [name, inner]) => sum + Buffer.byteLength(name) + valueSize(inner) + 1, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, inner) => sum + valueSize(inner) + 1, 0);
  throw new Error(`no size rule for ${Object.keys(value).join()}`);
}
