import { createTables, startDynamoDb, type DynamoDbEmulator } from '#local/emulators/dynamodb.ts';
import { freePort } from '#local/ports.ts';
import type { TableDefinition } from '#shared/tables/definitions.ts';

/**
 * A DynamoDB Local of a bench's own, in memory, with `tables` created as
 * `portico-bench-<name>` and the environment pointed at it, as a Lambda
 * container reads it at cold start: import shared modules only after this.
 */
export async function benchDynamoDb(tables: readonly TableDefinition[]): Promise<DynamoDbEmulator> {
  const dynamoDb = await startDynamoDb(await freePort());
  const physical = (table: TableDefinition) => `portico-bench-${table.name}`;
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SESSION_TOKEN: '',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    ...Object.fromEntries(tables.map((table) => [table.envVar, physical(table)])),
  });
  await createTables(dynamoDb.endpoint, tables, physical);
  return dynamoDb;
}
