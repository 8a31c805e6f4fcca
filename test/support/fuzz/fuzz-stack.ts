import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser } from '#local/emulators/cognito.ts';
import type { LocalStackInfo } from '#local/stack.ts';
import { tableList, type TableName } from '#shared/tables/definitions.ts';
import { killEverythingStarted, newStateDir, StackProcess } from '../../integration/local/stack-process.ts';

/**
 * A local stack of the fuzz suite's own (`npm start` in a child process): no
 * other test writes to it, so whole tables can be counted, and the valid
 * requests the fuzzer sends (a plan written back, a rollout started) change
 * nothing other tests read.
 */
export async function startFuzzStack(): Promise<FuzzStack> {
  // The stack reads these from its environment; only this child gets them.
  const saved = { ...process.env };
  Object.assign(process.env, {
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    // No sweep on a timer: only requests change the tables.
    LOCAL_SCHEDULE_SECONDS: '0',
    // Multipart from 16 MiB, so a multipart upload exists to complete and abort.
    UPLOAD_MULTIPART_THRESHOLD_BYTES: String(16 * 1024 * 1024),
    UPLOAD_MIN_PART_BYTES: String(5 * 1024 * 1024),
  });
  let stack: StackProcess;
  try {
    stack = new StackProcess(newStateDir());
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
  return new FuzzStack(await stack.ready(), () => stack.printed);
}

export const stopFuzzStacks = killEverythingStarted;

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
}

export interface SentRequest {
  readonly method: string;
  /** Path and query, already encoded. */
  readonly target: string;
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as is. */
  readonly rawBody?: string;
}

export interface Identity {
  readonly email: string;
  readonly userId: string;
  readonly token: string;
}

export class FuzzStack {
  private readonly dynamo: DynamoDBClient;
  private readonly cognito: CognitoIdentityProviderClient;

  constructor(
    readonly info: LocalStackInfo,
    /** Everything the stack printed (its handlers' errors among it). */
    readonly printed: () => string = () => '',
  ) {
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    this.dynamo = new DynamoDBClient({ endpoint: info.dynamodb_endpoint, region: info.region, credentials });
    this.cognito = new CognitoIdentityProviderClient({ endpoint: info.cognito.endpoint, region: info.region, credentials });
  }

  async send(request: SentRequest): Promise<Answer> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const response = await fetch(`${this.info.api_url}${request.target}`, {
      method: request.method,
      headers,
      // A 303 (the billing export) is the answer, not something to follow.
      redirect: 'manual',
      ...(request.rawBody !== undefined ? { body: request.rawBody } : {}),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  /** A JSON call that must answer `expected`. */
  async call(method: string, target: string, token: string, body: unknown, expected: number): Promise<any> {
    const answer = await this.send({
      method,
      target,
      token,
      ...(body !== undefined ? { rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (answer.status !== expected) throw new Error(`${method} ${target}: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  async signIn(email: string, password: string): Promise<string> {
    const result = await this.cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: this.info.cognito.client_id, AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    const token = result.AuthenticationResult?.IdToken;
    if (!token) throw new Error(`no token for ${email}`);
    return token;
  }

  adminToken(): Promise<string> {
    return this.signIn(this.info.admin.email, this.info.admin.password);
  }

  async user(groups?: string[]): Promise<Identity> {
    const email = `fuzz-${randomUUID().slice(0, 8)}@fuzz.example`;
    const password = `Fuzz-${randomUUID().slice(0, 8)}-Aa1!`;
    const userId = await ensureUser(this.info.cognito.endpoint, this.info.cognito.user_pool_id, { email, password, ...(groups ? { groups } : {}) });
    return { email, userId, token: await this.signIn(email, password) };
  }

  /** Onboards a customer and waits until it is ACTIVE. */
  async activeCustomer(adminToken: string, overrides: Record<string, unknown> = {}): Promise<any> {
    const created = await this.call('POST', '/customers', adminToken, customerBody(overrides), 202);
    return this.waitForStatus(adminToken, created.customer_id as string, 'ACTIVE');
  }

  async waitForStatus(adminToken: string, customerId: string, status: string, timeoutMs = 10_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let last: Answer | undefined;
    while (Date.now() < deadline) {
      last = await this.send({ method: 'GET', target: `/customers/${customerId}`, token: adminToken });
      if (last.body?.status === status) return last.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`customer ${customerId} did not reach ${status}; last: ${last?.text}`);
  }

  /** Waits until the local provisioner has no operation of the stack in progress. */
  async waitForStackIdle(stackName: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let status = '';
    while (Date.now() < deadline) {
      const response = await fetch(`${this.info.cloudformation_endpoint}/__local/stacks/${encodeURIComponent(stackName)}`);
      status = response.status === 404 ? 'none' : ((await response.json()) as { status: string }).status;
      if (!status.endsWith('_IN_PROGRESS')) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`stack ${stackName} is still ${status}`);
  }

  /** Waits until no table's item count moves for 50 ms: what a stack event or an S3 object event writes has landed. */
  async settle(): Promise<void> {
    let last = '';
    for (let i = 0; i < 40; i++) {
      const counts = JSON.stringify(await this.countItems(tableList.map((t) => t.name)));
      if (counts === last) return;
      last = counts;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Number of items in each table, read from DynamoDB Local itself. */
  async countItems(tables: readonly TableName[]): Promise<Record<string, number>> {
    const counts = await Promise.all(tables.map((table) => this.count(table)));
    return Object.fromEntries(tables.map((table, i) => [table, counts[i] ?? 0]));
  }

  private async count(table: TableName): Promise<number> {
    let count = 0;
    let startKey: Record<string, any> | undefined;
    do {
      const page = await this.dynamo.send(
        new ScanCommand({ TableName: this.info.tables[table], Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  }
}

export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer_name: `Fuzz Genomics ${randomUUID().slice(0, 6)}`,
    email: `admin-${randomUUID().slice(0, 8)}@fuzz.example`,
    max_concurrent_worksets: 1000,
    max_storage_gb: 1_000_000,
    billing_account_id: 'BA-FUZZ',
    cost_center: 'CC-FUZZ',
    ...overrides,
  };
}
