import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import type { StackStatusEvent } from '#shared/customers/stack-events.ts';
import type { S3ObjectEvent } from '#shared/usage/s3-object-events.ts';
import { PLATFORM_ADMIN_GROUP } from '#shared/http/caller.ts';
import { eventFunctions, type EventFunctionDefinition } from '#shared/routes/event-functions.ts';
import { assertRouteTable, routeTable } from '#shared/routes/index.ts';
import { tableList, type TableDefinition } from '#shared/tables/definitions.ts';
import { ensureUser, ensureUserPool, startCognito } from './emulators/cognito.ts';
import { cognitoProxy } from './emulators/cognito-proxy.ts';
import { forwardS3Events } from './emulators/s3-events.ts';
import { s3Proxy } from './emulators/s3-proxy.ts';
import { createTables, startDynamoDb } from './emulators/dynamodb.ts';
import { S3RVER_CREDENTIALS, startS3 } from './emulators/s3.ts';
import { handlerEnvironment } from './handler-environment.ts';
import { LocalGateway } from './gateway/server.ts';
import { lambdaContext, LOCAL_ACCOUNT_ID } from './gateway/lambda-event.ts';
import { installPermissionChecks, runAs } from './permissions.ts';
import { freePort } from './ports.ts';
import { LocalCloudFormation } from './provisioner/local-cloudformation.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REGION = 'us-east-1';
const BUCKET_PREFIX = 'portico-local';
const ADMIN_EMAIL = 'admin@portico.local';

/** The contract of `.local/stack.json` (see DESIGN.md), plus the local provisioner's endpoint. */
export interface LocalStackInfo {
  readonly api_url: string;
  readonly region: string;
  readonly cognito: { readonly endpoint: string; readonly user_pool_id: string; readonly client_id: string };
  readonly dynamodb_endpoint: string;
  readonly s3_endpoint: string;
  readonly cloudformation_endpoint: string;
  readonly admin: { readonly email: string; readonly password: string };
  readonly tables: Readonly<Record<string, string>>;
  readonly bucket_prefix: string;
  /** `METHOD /path` of every route the local gateway serves. */
  readonly routes: readonly string[];
}

export interface LocalStackOptions {
  /** Where state lives between runs. @default '.local' */
  readonly stateDir?: string;
  /** Start empty: delete the state first. */
  readonly fresh?: boolean;
  /** Keep nothing: DynamoDB in memory, files in a temporary folder removed on stop. */
  readonly ephemeral?: boolean;
  /** API port; 0 picks a free one. @default 3000 */
  readonly apiPort?: number;
  /** Delay of local stack operations. @default 50 */
  readonly stackOperationDelayMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningLocalStack {
  readonly info: LocalStackInfo;
  /** Path of the stack.json written for this run. */
  readonly stackFile: string;
  readonly gateway: LocalGateway;
  stop(): Promise<void>;
}

export const physicalTableName = (table: TableDefinition) => `portico-local-${table.name}`;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<RunningLocalStack> {
  assertRouteTable(routeTable);
  const stateDir = options.ephemeral ? mkdtempSync(join(tmpdir(), 'portico-')) : resolve(options.stateDir ?? '.local');
  if (options.fresh && existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const log = options.log ?? (() => undefined);

  const [dynamoPort, cognitoPort, cognitoProxyPort, s3Port, s3ProxyPort, cfnPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const cognitoFront = cognitoProxy(cognitoProxyPort, cognitoPort);
  const s3Front = s3Proxy(s3ProxyPort, s3Port);
  const apiPort = options.apiPort === 0 ? await freePort() : (options.apiPort ?? 3000);
  const [dynamo, cognito, s3] = await Promise.all([
    startDynamoDb(dynamoPort, options.ephemeral ? undefined : join(stateDir, 'dynamodb')),
    startCognito(cognitoPort, join(stateDir, 'cognito'), cognitoFront.endpoint),
    startS3(s3Port, join(stateDir, 's3')),
  ]);
  await Promise.all([cognitoFront.start(), s3Front.start()]);
  const children = [dynamo.process, cognito.process];
  const stopEmulators = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all([s3.stop().catch(() => undefined), cognitoFront.stop(), s3Front.stop()]);
  };

  try {
    await createTables(dynamo.endpoint, tableList, physicalTableName);
    const pool = await ensureUserPool(cognitoFront.endpoint);
    const admin = adminCredentials(stateDir);
    await ensureUser(cognitoFront.endpoint, pool.userPoolId, { ...admin, groups: [PLATFORM_ADMIN_GROUP] });
    const corsOrigins = ['*'];

    const endpoints = {
      region: REGION,
      cognito: { endpoint: cognitoFront.endpoint, user_pool_id: pool.userPoolId, client_id: pool.clientId },
      dynamodb_endpoint: dynamo.endpoint,
      s3_endpoint: s3Front.endpoint,
      cloudformation_endpoint: `http://127.0.0.1:${cfnPort}`,
      tables: Object.fromEntries(tableList.map((t) => [t.name, physicalTableName(t)])),
      bucket_prefix: BUCKET_PREFIX,
    };
    // Handlers read their configuration at import time, as in Lambda: set it first.
    Object.assign(process.env, handlerEnvironment(endpoints, corsOrigins));

    await enforceDeclaredPermissions();
    const usageHandler = eventHandler<S3ObjectEvent>(eventFunctions.s3ObjectEvents);
    forwardS3Events(s3.server, usageHandler);
    const statusHandler = eventHandler<StackStatusEvent>(eventFunctions.stackStatus);
    const cloudFormation = new LocalCloudFormation({
      port: cfnPort,
      s3: new S3Client({ endpoint: s3.endpoint, region: REGION, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
      bucketPrefix: BUCKET_PREFIX,
      corsOrigins,
      accountId: LOCAL_ACCOUNT_ID,
      region: REGION,
      ...(options.ephemeral ? {} : { dataDir: join(stateDir, 'cloudformation') }),
      ...(options.stackOperationDelayMs !== undefined ? { operationDelayMs: options.stackOperationDelayMs } : {}),
      onEvent: statusHandler,
    });
    await cloudFormation.start();

    const gateway = new LocalGateway({ port: apiPort, routes: routeTable, functionsDir: join(ROOT, 'functions'), corsOrigins, log });
    await gateway.start();

    const info: LocalStackInfo = { api_url: gateway.url, ...endpoints, admin, routes: gateway.servedRoutes() };
    const stackFile = join(stateDir, 'stack.json');
    writeFileSync(stackFile, `${JSON.stringify(info, null, 2)}\n`);

    return {
      info,
      stackFile,
      gateway,
      stop: async () => {
        await gateway.stop();
        await cloudFormation.stop();
        await stopEmulators();
        if (options.ephemeral) rmSync(stateDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopEmulators();
    throw error;
  }
}

/**
 * Loads an event-driven function the way EventBridge would run it: with its
 * own grants, through the same handler module as in AWS.
 */
function eventHandler<E>(definition: EventFunctionDefinition): (event: E) => Promise<unknown> {
  const handler = import(pathToFileURL(join(ROOT, 'functions', `${definition.handler}.ts`)).href).then(
    (m) => m.handler as (event: E, context: unknown) => Promise<unknown>,
  );
  const grants = { id: definition.id, tables: definition.tables, capabilities: definition.capabilities ?? [] };
  return async (event) => runAs(grants, async () => (await handler)(event, lambdaContext(definition.id, 30)));
}

/** Makes the shared SDK clients refuse what a function did not declare (see permissions.ts). */
async function enforceDeclaredPermissions(): Promise<void> {
  // Imported only now: the clients read their configuration when first loaded.
  const [{ dynamo }, { s3: sharedS3 }, { cloudFormation: sharedCloudFormation }, { cognito: sharedCognito }] = await Promise.all([
    import('#shared/clients/dynamodb.ts'),
    import('#shared/clients/s3.ts'),
    import('#shared/clients/cloudformation.ts'),
    import('#shared/clients/cognito.ts'),
  ]);
  const logical = new Map(tableList.map((t) => [physicalTableName(t), t.name]));
  installPermissionChecks({
    dynamo,
    byCapability: [
      [sharedS3, 'customer-buckets'],
      [sharedCloudFormation, 'provision-customers'],
      [sharedCognito, 'manage-users'],
    ],
    logicalTableName: (physical) => logical.get(physical),
  });
}

/** The seeded admin keeps its password across runs; a fresh state gets a new random one. */
function adminCredentials(stateDir: string): { email: string; password: string } {
  const file = join(stateDir, 'admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  const admin = { email: ADMIN_EMAIL, password: `Pt-${randomBytes(9).toString('base64url')}-9a!` };
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}
