import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStackInfo } from '#local/stack.ts';
import { eventFunctions } from '#shared/routes/event-functions.ts';
import { COUNTER_RECORD } from '#shared/usage/counters.ts';
import type { WorksetState } from '#shared/workset-lifecycle/states.ts';
import { parseJson, type LoadClient } from './http.ts';
import { tenantViolations, type TenantObservation } from './invariant-rules.ts';
import type { Tenant } from './tenants.ts';

export interface InvariantResult {
  /** Tenant id → what it breaks; only tenants that break something. */
  readonly violations: ReadonlyMap<string, readonly string[]>;
  /** Seconds from the end of the load until every invariant held (or the check gave up). */
  readonly settledAfterSeconds: number;
  /** When they did not hold in time: whether the scheduled sweeps made them hold (a diagnosis; still a failure). */
  readonly afterSweeps?: ReadonlyMap<string, readonly string[]>;
}

const SWEEPS = [eventFunctions.reconcileWorksets.id, eventFunctions.expireUploads.id];

/**
 * Reads every tenant's counter item, worksets, bucket and usage route until
 * the invariants hold for all of them (S3 object events are delivered
 * asynchronously, so the last uploads and sentinels take a moment to count),
 * or `settleSeconds` have passed. The sweeps are not run first: in a run
 * without faults nothing is lost, so a state only a sweep repairs is a finding.
 */
export async function checkInvariants(info: LocalStackInfo, client: LoadClient, tenants: readonly Tenant[], settleSeconds: number): Promise<InvariantResult> {
  const reader = new StackReader(info, client);
  const started = Date.now();
  let violations = await reader.violations(tenants);
  while (violations.size > 0 && Date.now() - started < settleSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    violations = await reader.violations(tenants);
  }
  const settledAfterSeconds = (Date.now() - started) / 1000;
  if (violations.size === 0) return { violations, settledAfterSeconds };
  for (const sweep of SWEEPS) {
    const response = await fetch(`${info.control_url}/schedules/${encodeURIComponent(sweep)}/run`, { method: 'POST' });
    if (response.status !== 200) throw new Error(`sweep ${sweep} failed: ${response.status} ${await response.text()}`);
  }
  return { violations, settledAfterSeconds, afterSweeps: await reader.violations(tenants) };
}

class StackReader {
  private readonly dynamo: DynamoDBDocumentClient;
  private readonly s3: S3Client;

  constructor(
    private readonly info: LocalStackInfo,
    private readonly client: LoadClient,
  ) {
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    this.dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: info.dynamodb_endpoint, region: info.region, credentials }));
    // s3rver's built-in credentials, which the local S3 front verifies signatures with.
    this.s3 = new S3Client({ endpoint: info.s3_endpoint, region: info.region, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  }

  async violations(tenants: readonly Tenant[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    // A few tenants at a time: the stack is still serving the events being waited for.
    for (let start = 0; start < tenants.length; start += 5) {
      const batch = tenants.slice(start, start + 5);
      const results = await Promise.all(batch.map(async (tenant) => [tenant, tenantViolations(await this.observe(tenant), modelOf(tenant))] as const));
      for (const [tenant, broken] of results) if (broken.length > 0) found.set(tenant.customerId, broken);
    }
    return found;
  }

  private async observe(tenant: Tenant): Promise<TenantObservation> {
    const [counterItem, worksets, objects, usage] = await Promise.all([
      this.dynamo.send(new GetCommand({ TableName: this.info.tables.usage, Key: { customer_id: tenant.customerId, record: COUNTER_RECORD }, ConsistentRead: true })),
      this.worksets(tenant.customerId),
      this.objects(tenant.bucket),
      this.client.send('GET', `${this.info.api_url}/customers/${tenant.customerId}/usage`, { token: tenant.token }),
    ]);
    const item = counterItem.Item ?? {};
    const usageBody = parseJson(usage.text);
    if (usage.status !== 200 || !usageBody) throw new Error(`GET usage of ${tenant.customerId} answered ${usage.status}: ${usage.text}`);
    return {
      counters: {
        holders: Object.keys((item.holders as Record<string, string> | undefined) ?? {}),
        storage_bytes: Number(item.storage_bytes ?? 0),
        object_count: Number(item.object_count ?? 0),
        reserved_bytes: Number(item.reserved_bytes ?? 0),
        runs: Object.entries(item)
          .filter(([name]) => name.startsWith('runs#'))
          .reduce((sum, [, value]) => sum + Number(value), 0),
      },
      worksets,
      objects,
      usage: { storage_bytes: usageBody.storage_bytes, object_count: usageBody.object_count, active_worksets: usageBody.active_worksets },
    };
  }

  private async worksets(customerId: string): Promise<Map<string, WorksetState>> {
    const states = new Map<string, WorksetState>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.dynamo.send(
        new QueryCommand({
          TableName: this.info.tables.worksets,
          KeyConditionExpression: 'customer_id = :c',
          ExpressionAttributeValues: { ':c': customerId },
          ProjectionExpression: 'workset_id, #state',
          ExpressionAttributeNames: { '#state': 'state' },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) states.set(item.workset_id as string, item.state as WorksetState);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return states;
  }

  private async objects(bucket: string): Promise<{ key: string; size: number }[]> {
    const objects: { key: string; size: number }[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) objects.push({ key: object.Key ?? '', size: object.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }
}

function modelOf(tenant: Tenant) {
  return {
    slots: tenant.slots,
    held: tenant.held,
    admitted: tenant.admitted,
    canceled: tenant.canceled,
    finished: tenant.finished,
    uploadedBytes: [...tenant.uploads.values()].reduce((sum, bytes) => sum + bytes, 0),
    uncertainWrites: tenant.uncertainWrites,
  };
}
