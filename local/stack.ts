import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { PlatformBucket } from '#shared/permissions/actions.ts';
import type { StackStatusEvent } from '#shared/customers/stack-events.ts';
import { CUSTOMER_STACK_PREFIX } from '#shared/customers/template-contract.ts';
import type { S3ObjectEvent } from '#shared/usage/s3-object-events.ts';
import { ENV } from '#shared/config/env-vars.ts';
import { PLATFORM_ADMIN_GROUP } from '#shared/identity/groups.ts';
import { eventFunctions, type EventFunctionDefinition } from '#shared/routes/event-functions.ts';
import { assertRouteTable, routeTable } from '#shared/routes/index.ts';
import { tableList, type TableDefinition } from '#shared/tables/definitions.ts';
import { ChildProcesses, describeExit, type ChildExit } from './emulators/child-processes.ts';
import { ensureUser, ensureUserPool, startCognito } from './emulators/cognito.ts';
import { cognitoProxy } from './emulators/cognito-proxy.ts';
import { forwardS3Events } from './emulators/s3-events.ts';
import { s3Proxy } from './emulators/s3-proxy.ts';
import { createTables, startDynamoDb } from './emulators/dynamodb.ts';
import { makePrivateDir, writePrivateFile } from './emulators/private-files.ts';
import { S3RVER_CREDENTIALS, startS3, type S3Emulator } from './emulators/s3.ts';
import { handlerEnvironment } from './handler-environment.ts';
import { LocalGateway } from './gateway/server.ts';
import { lambdaContext, LOCAL_ACCOUNT_ID, LOCAL_API_ID } from './gateway/lambda-event.ts';
import { stageThrottle } from './gateway/stage-throttle.ts';
import { LocalUsagePlans } from './gateway/usage-plans.ts';
import { installPermissionChecks, runAs, usedActions, type GrantScopes } from './permissions.ts';
import { choosePorts, freePort, isPortFree, rememberPorts } from './ports.ts';
import { LocalCloudFormation } from './provisioner/local-cloudformation.ts';
import { localTemplateUrl } from './provisioner/template-version.ts';
import { LocalControlServer, type ScheduledFunction } from './control-server.ts';
import { installSdkFaults } from './faults/sdk-faults.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REGION = 'us-east-1';
const BUCKET_PREFIX = 'portico-local';
/** The platform's own buckets; outside `<BUCKET_PREFIX>-`, though the permission check does not rely on it. */
const PLATFORM_BUCKET_NAMES: Readonly<Record<PlatformBucket, string>> = { finance: 'portico-finance-local' };

/** Creates the platform's buckets in the local S3 (the CDK stack's job in AWS); kept between runs like the rest. */
async function ensurePlatformBuckets(s3: S3Client): Promise<void> {
  for (const bucket of Object.values(PLATFORM_BUCKET_NAMES)) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      if ((error as Error).name !== 'BucketAlreadyOwnedByYou' && (error as Error).name !== 'BucketAlreadyExists') throw error;
    }
  }
}
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
  /** The platform's own buckets (the finance bucket's billing exports). */
  readonly platform_buckets: Readonly<Record<PlatformBucket, string>>;
  /** `METHOD /path` of every route the local gateway serves. */
  readonly routes: readonly string[];
  /** Where the messages Cognito sends users (invitations, codes) land, one file each. */
  readonly mail_dir: string;
  /** Runs a scheduled function now: `POST <control_url>/schedules/<function id>/run`. */
  readonly control_url: string;
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
  /**
   * Runs every scheduled function this often instead of its own `everyMinutes`; 0 turns the timers off.
   * @default LOCAL_SCHEDULE_SECONDS from the environment, else each function's schedule
   */
  readonly scheduleIntervalSeconds?: number;
  readonly log?: (line: string) => void;
  /** Things the person starting the stack should know (a remembered port was taken). @default console.warn */
  readonly notice?: (line: string) => void;
}

/** Another running stack keeps its state in the same folder; nothing was started. */
export class StateDirInUseError extends Error {
  constructor(
    readonly stateDir: string,
    readonly pid: number,
  ) {
    super(`another local stack (pid ${pid}) is running with its state in ${stateDir}`);
    this.name = 'StateDirInUseError';
  }
}

/** The API port asked for is taken; nothing was started. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = 'PortInUseError';
  }
}

export interface RunningLocalStack {
  readonly info: LocalStackInfo;
  /** Path of the stack.json written for this run. */
  readonly stackFile: string;
  readonly gateway: LocalGateway;
  /** Settles if an emulator process exits while the stack runs; the stack cannot serve without it. */
  readonly crashed: Promise<ChildExit>;
  stop(): Promise<void>;
}

/**
 * Ports kept in `<state dir>/ports.json` and reused on the next start, so
 * endpoints stay put across restarts: tokens name the Cognito front in their
 * issuer and stay valid only if it keeps its address.
 */
const LOCK_FILE = 'stack.lock';
const EMULATOR_PORTS = ['cognito_front', 'cognito', 'dynamodb', 's3_front', 's3', 'cloudformation'] as const;
type EmulatorPorts = Readonly<Record<(typeof EMULATOR_PORTS)[number], number>>;

export const physicalTableName = (table: TableDefinition) => `portico-local-${table.name}`;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<RunningLocalStack> {
  assertRouteTable(routeTable);
  const stateDir = prepareStateDir(options);
  const unlock = lockStateDir(stateDir);
  try {
    return await startInStateDir(stateDir, options, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function startInStateDir(stateDir: string, options: LocalStackOptions, unlock: () => void): Promise<RunningLocalStack> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((line: string) => console.warn(line));

  const apiPort = await chooseApiPort(options.apiPort ?? 3000);
  const ports = await chooseEmulatorPorts(stateDir, notice);
  const { cognito_front: cognitoProxyPort, cognito: cognitoPort, s3_front: s3ProxyPort, s3: s3Port, cloudformation: cfnPort } = ports;
  const mailDir = join(stateDir, 'mail');
  const cognitoFront = cognitoProxy(cognitoProxyPort, cognitoPort);
  const s3Front = s3Proxy(s3ProxyPort, s3Port, join(stateDir, 's3'));
  const children = new ChildProcesses();
  const { dynamo, s3 } = await startEmulators(ports, { stateDir, mailDir, ephemeral: options.ephemeral === true, cognitoFront: cognitoFront.endpoint }, children);
  const crashed = new Promise<ChildExit>((resolve) => children.onUnexpectedExit(resolve));
  const stopEmulators = async () => {
    await children.stopAll();
    await Promise.all([s3.stop().catch(() => undefined), cognitoFront.stop(), s3Front.stop()]);
    unlock();
  };

  try {
    await Promise.all([cognitoFront.start(), s3Front.start()]);
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
      platform_buckets: PLATFORM_BUCKET_NAMES,
    };
    await ensurePlatformBuckets(new S3Client({ endpoint: s3.endpoint, region: REGION, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }));
    // Handlers read their configuration at import time, as in Lambda: set it first.
    Object.assign(process.env, handlerEnvironment(endpoints, corsOrigins));
    // The gateway's usage plans, as the platform stack deploys them; customer stacks put their API key in one.
    const usagePlans = new LocalUsagePlans(LOCAL_API_ID);

    await enforceDeclaredPermissions({
      bucketPrefix: BUCKET_PREFIX,
      stackNamePrefix: CUSTOMER_STACK_PREFIX,
      userPoolId: pool.userPoolId,
      platformBuckets: PLATFORM_BUCKET_NAMES,
    });
    const usageHandler = eventHandler<S3ObjectEvent>(eventFunctions.s3ObjectEvents);
    forwardS3Events(s3.server, usageHandler);
    const statusHandler = eventHandler<StackStatusEvent>(eventFunctions.stackStatus);
    const cloudFormation = new LocalCloudFormation({
      port: cfnPort,
      s3: new S3Client({ endpoint: s3.endpoint, region: REGION, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
      bucketPrefix: BUCKET_PREFIX,
      corsOrigins,
      usagePlans,
      accountId: LOCAL_ACCOUNT_ID,
      region: REGION,
      ...(options.ephemeral ? {} : { dataDir: join(stateDir, 'cloudformation') }),
      ...(options.stackOperationDelayMs !== undefined ? { operationDelayMs: options.stackOperationDelayMs } : {}),
      onEvent: statusHandler,
    });
    await cloudFormation.start();

    const gateway = new LocalGateway({
      port: apiPort,
      routes: routeTable,
      functionsDir: join(ROOT, 'functions'),
      corsOrigins,
      rateLimits: { stage: stageThrottle(), usagePlans },
      log,
    });
    await gateway.start();
    const control = new LocalControlServer({
      schedules: scheduledFunctions(),
      usedActions,
      eventTargets: { 's3-object': usageHandler, 'stack-status': statusHandler },
      template: localTemplateHook(endpoints.cloudformation_endpoint),
      region: REGION,
      accountId: LOCAL_ACCOUNT_ID,
      log,
      ...scheduleInterval(options),
    });
    await control.start();

    const info: LocalStackInfo = {
      api_url: gateway.url,
      ...endpoints,
      admin,
      routes: gateway.servedRoutes(),
      mail_dir: mailDir,
      control_url: control.url,
    };
    const stackFile = join(stateDir, 'stack.json');
    // It holds the admin's password.
    writePrivateFile(stackFile, `${JSON.stringify(info, null, 2)}\n`);
    rememberPorts(join(stateDir, 'ports.json'), ports);

    return {
      info,
      stackFile,
      gateway,
      crashed,
      stop: async () => {
        await gateway.stop();
        await control.stop();
        await cloudFormation.stop();
        await stopEmulators();
        if (options.ephemeral) rmSync(stateDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopEmulators();
    const exit = children.unexpectedExit;
    throw exit ? new Error(`${exit.name} stopped during start-up (${describeExit(exit)})${exit.output ? `:\n${exit.output}` : ''}`, { cause: error }) : error;
  }
}

/** The state folder, owner-only: it holds the admin's password, user passwords and mail. */
function prepareStateDir(options: LocalStackOptions): string {
  const stateDir = options.ephemeral ? mkdtempSync(join(tmpdir(), 'portico-')) : resolve(options.stateDir ?? '.local');
  if (options.fresh && existsSync(stateDir)) {
    const holder = lockHolder(stateDir);
    if (holder !== undefined) throw new StateDirInUseError(stateDir, holder);
    rmSync(stateDir, { recursive: true, force: true });
  }
  makePrivateDir(stateDir);
  return stateDir;
}

/**
 * One running stack per state folder: two DynamoDB Locals on one database
 * file, or two Cognitos on one user store, would corrupt them. A lock left
 * by a stack that died is taken over. Returns the release.
 */
function lockStateDir(stateDir: string): () => void {
  const lock = join(stateDir, LOCK_FILE);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = lockHolder(stateDir);
    if (holder !== undefined) throw new StateDirInUseError(stateDir, holder);
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

/** The live process, other than this one, that holds the folder's lock. */
function lockHolder(stateDir: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(join(stateDir, LOCK_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder) ? holder : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Checked before anything starts, so a taken port costs nothing to clean up. */
async function chooseApiPort(asked: number): Promise<number> {
  if (asked === 0) return freePort();
  if (!(await isPortFree(asked))) throw new PortInUseError(asked);
  return asked;
}

async function chooseEmulatorPorts(stateDir: string, notice: (line: string) => void): Promise<EmulatorPorts> {
  const { ports, moved } = await choosePorts(join(stateDir, 'ports.json'), EMULATOR_PORTS);
  for (const { name, remembered, chosen } of moved) {
    notice(`Port ${remembered} (${name}, remembered in ${join(stateDir, 'ports.json')}) is taken: using ${chosen} instead.`);
  }
  if (moved.some((m) => m.name === 'cognito_front')) {
    notice('The Cognito endpoint moved, so tokens issued before this start are no longer accepted: sign in again.');
  }
  return ports;
}

/**
 * Starts the emulators side by side. If one fails, the others are stopped
 * (and their processes gone) before this rejects; once started, each child
 * process is watched by `children`.
 */
async function startEmulators(
  ports: EmulatorPorts,
  where: { stateDir: string; mailDir: string; ephemeral: boolean; cognitoFront: string },
  children: ChildProcesses,
): Promise<{ dynamo: { endpoint: string }; s3: S3Emulator }> {
  const [dynamo, cognito, s3] = await Promise.allSettled([
    startDynamoDb(ports.dynamodb, where.ephemeral ? undefined : join(where.stateDir, 'dynamodb')),
    startCognito({ port: ports.cognito, dataDir: join(where.stateDir, 'cognito'), issuerDomain: where.cognitoFront, mailDir: where.mailDir }),
    startS3(ports.s3, join(where.stateDir, 's3')),
  ]);
  if (dynamo.status === 'fulfilled') children.add('DynamoDB Local (java)', dynamo.value.process);
  if (cognito.status === 'fulfilled') children.add('cognito-local', cognito.value.process);
  if (dynamo.status === 'fulfilled' && cognito.status === 'fulfilled' && s3.status === 'fulfilled') {
    return { dynamo: dynamo.value, s3: s3.value };
  }
  await children.stopAll();
  if (s3.status === 'fulfilled') await s3.value.stop().catch(() => undefined);
  const failure = [dynamo, cognito, s3].find((result) => result.status === 'rejected');
  throw failure?.reason;
}

/**
 * Loads an event-driven function the way EventBridge would run it: with its
 * own grants, through the same handler module as in AWS.
 */
function eventHandler<E>(definition: EventFunctionDefinition): (event: E) => Promise<unknown> {
  // Loaded on first use, as Lambda does on a cold start: a module that fails to load fails its invocations only.
  let handler: Promise<(event: E, context: unknown) => Promise<unknown>> | undefined;
  const load = () =>
    (handler ??= import(pathToFileURL(join(ROOT, 'functions', `${definition.handler}.ts`)).href).then(
      (m) => m.handler as (event: E, context: unknown) => Promise<unknown>,
    ));
  return async (event) => runAs(definition, async () => (await load())(event, lambdaContext(definition.id, definition.timeoutSeconds ?? 30)));
}

/**
 * The customer template version the handlers run, switched in place: handlers run in
 * this process and read the template from the environment on every stack call.
 */
function localTemplateHook(cloudFormationEndpoint: string) {
  const current = () => ({ version: process.env[ENV.customerTemplateVersion] ?? '', url: process.env[ENV.customerTemplateUrl] ?? '' });
  return {
    current,
    use: (version: string) => {
      process.env[ENV.customerTemplateVersion] = version;
      process.env[ENV.customerTemplateUrl] = localTemplateUrl(cloudFormationEndpoint, version);
      return current();
    },
  };
}

/** Every event function with a schedule, run as EventBridge Scheduler would run it. */
function scheduledFunctions(): ScheduledFunction[] {
  return Object.values(eventFunctions as Record<string, EventFunctionDefinition>).flatMap((definition) =>
    definition.everyMinutes && !definition.awsOnly ? [{ id: definition.id, everyMinutes: definition.everyMinutes, run: eventHandler(definition) }] : [],
  );
}

function scheduleInterval(options: LocalStackOptions): { intervalSeconds?: number } {
  const fromEnvironment = process.env.LOCAL_SCHEDULE_SECONDS;
  const seconds = options.scheduleIntervalSeconds ?? (fromEnvironment ? Number(fromEnvironment) : undefined);
  if (seconds === undefined) return {};
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`LOCAL_SCHEDULE_SECONDS must be a number of seconds (0: off), not '${fromEnvironment}'`);
  return { intervalSeconds: seconds };
}

/** Makes the shared SDK clients refuse what a function did not declare (see permissions.ts). */
async function enforceDeclaredPermissions(scopes: Omit<GrantScopes, 'logicalTableName'>): Promise<void> {
  // Imported only now: the clients read their configuration when first loaded.
  const [{ dynamo }, { s3: sharedS3 }, { cloudFormation: sharedCloudFormation }, { cognito: sharedCognito }] = await Promise.all([
    import('#shared/clients/dynamodb.ts'),
    import('#shared/clients/s3.ts'),
    import('#shared/clients/cloudformation.ts'),
    import('#shared/clients/cognito.ts'),
  ]);
  const logical = new Map(tableList.map((t) => [physicalTableName(t), t.name]));
  installSdkFaults([
    [dynamo, 'dynamodb'],
    [sharedS3, 's3'],
    [sharedCloudFormation, 'cloudformation'],
    [sharedCognito, 'cognito-idp'],
  ]);
  installPermissionChecks(
    [
      [dynamo, 'dynamodb'],
      [sharedS3, 's3'],
      [sharedCloudFormation, 'cloudformation'],
      [sharedCognito, 'cognito-idp'],
    ],
    { ...scopes, logicalTableName: (physical) => logical.get(physical) },
  );
}

/** The seeded admin keeps its password across runs; a fresh state gets a new random one. */
function adminCredentials(stateDir: string): { email: string; password: string } {
  const file = join(stateDir, 'admin.json');
  if (existsSync(file)) {
    const saved = readAdminFile(file);
    // Written by older versions with the default mode; the password is a secret.
    writePrivateFile(file, JSON.stringify(saved));
    return saved;
  }
  const admin = { email: ADMIN_EMAIL, password: `Pt-${randomBytes(9).toString('base64url')}-9a!` };
  writePrivateFile(file, JSON.stringify(admin));
  return admin;
}

function readAdminFile(file: string): { email: string; password: string } {
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (saved && typeof saved === 'object' && 'email' in saved && 'password' in saved && typeof saved.email === 'string' && typeof saved.password === 'string') {
      return { email: saved.email, password: saved.password };
    }
    throw new Error('it has no "email" and "password"');
  } catch (error) {
    throw new Error(`${file} is damaged (${(error as Error).message}): delete it, and a new admin password is made on the next start`, { cause: error });
  }
}
