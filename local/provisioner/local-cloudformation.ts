import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { StackStatusEvent } from '#shared/customers/stack-events.ts';
import { customerBucketName, CUSTOMER_STACK_PREFIX, TEMPLATE_OUTPUTS, TEMPLATE_PARAMETERS } from '#shared/customers/template-contract.ts';
import { PLAN_NAMES, type PlanName } from '#shared/quotas/declarations.ts';
import type { LocalApiKey, LocalUsagePlans } from '../gateway/usage-plans.ts';
import { BodyTooLarge, ClientHungUp, CLOSE_CONNECTION, readBody } from '../read-body.ts';
import { createCustomerApiKey } from './customer-api-key.ts';
import { BUCKET_LOGICAL_ID, BUCKET_POLICY_LOGICAL_ID, bucketExists, createCustomerBucket, deleteCustomerBucket } from './customer-bucket.ts';
import { EventDelivery, type DeliveryPolicy } from './event-delivery.ts';
import { Faults } from './faults.ts';
import { errorXml, memberList, parseForm, resultXml, type QueryParams, type XmlValue } from './query-protocol.ts';

/**
 * The local provisioner: answers the CloudFormation calls Portico makes
 * (CreateStack, UpdateStack, DeleteStack, DescribeStacks) the way
 * CloudFormation documents them for the customer template. It creates the
 * customer's bucket in s3rver (with the template's CORS rule) and its API key in
 * the local gateway's usage plans (moved by an update, deleted with the stack), rolls a failed
 * create back (OnFailure ROLLBACK by default; the bucket, DeletionPolicy
 * Retain, is deleted by the rollback only with RetainExceptOnCreate), and
 * sends the stack-level 'CloudFormation Stack Status Change' events to the
 * status handler, retried as an EventBridge target is.
 *
 * Test hooks, local only: `GET /__local/requests` lists every call received
 * (tests assert the exact request), `GET /__local/stacks/<name>` reads a
 * stack's status without being one of them, `POST /__local/faults` adds a
 * failure (see faults.ts).
 */
export interface LocalCloudFormationOptions {
  readonly port: number;
  readonly s3: S3Client;
  readonly bucketPrefix: string;
  readonly corsOrigins: readonly string[];
  /** The usage plans of the local gateway, which customer stacks put their API key in. */
  readonly usagePlans: LocalUsagePlans;
  readonly accountId: string;
  readonly region: string;
  readonly dataDir?: string;
  /** The status handler; the provisioner delivers each event to it as EventBridge would. */
  readonly onEvent: (event: StackStatusEvent) => Promise<unknown>;
  /** Time between the steps of a stack operation, as CloudFormation takes a while. @default 50 */
  readonly operationDelayMs?: number;
  readonly deliveryPolicy?: DeliveryPolicy;
}

type OnFailure = 'DO_NOTHING' | 'ROLLBACK' | 'DELETE';

interface LocalStackRecord {
  stackName: string;
  stackId: string;
  status: string;
  statusReason?: string;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  token: string;
  templateUrl: string;
  roleArn?: string;
  createdAt: string;
  /** When the last update started (DescribeStacks LastUpdatedTime). */
  updatedAt?: string;
  outputs: Record<string, string>;
  onFailure?: OnFailure;
  retainExceptOnCreate?: boolean;
  /** The bucket was created by this stack and still belongs to it. */
  ownsBucket?: boolean;
  /** The API key the stack created, while it exists. */
  apiKey?: LocalApiKey;
}

class CloudFormationError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const REQUIRED_PARAMETERS = Object.values(TEMPLATE_PARAMETERS);
/**
 * The largest request body the provisioner reads. CloudFormation documents no limit
 * on a whole request, only on its members: a template body of 51,200 bytes, 200
 * parameters of 4,096 bytes (names up to 255), two stack policies of 16,384 bytes,
 * 50 tags; under 1 MiB of values together, at most 3 MiB form-encoded. Its front
 * end answers a larger request 413 with an empty body and closes the connection.
 */
const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
const ON_FAILURE: readonly OnFailure[] = ['DO_NOTHING', 'ROLLBACK', 'DELETE'];
/** The stacks UpdateStack accepts: anything else is failed, rolled back or busy. */
const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE']);

export class LocalCloudFormation {
  private readonly stacks = new Map<string, LocalStackRecord>();
  private readonly requests: { action: string; params: QueryParams; at: string }[] = [];
  private readonly faults = new Faults();
  private readonly pending = new Set<Promise<void>>();
  private readonly delivery: EventDelivery<StackStatusEvent>;
  private server?: Server;

  constructor(private readonly options: LocalCloudFormationOptions) {
    for (const stack of this.load()) {
      this.stacks.set(stack.stackName, stack);
      if (stack.apiKey) options.usagePlans.restoreKey(stack.apiKey);
    }
    this.delivery = new EventDelivery(options.onEvent, {
      name: 'the stack-status function',
      ...(options.deliveryPolicy ? { policy: options.deliveryPolicy } : {}),
      describe: (event) => `${event.detail['status-details'].status} of ${event.detail['stack-id']}`,
    });
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // A port taken between the check and now is an error to report, not an unhandled 'error' event.
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.options.port, '127.0.0.1', () => {
        this.server?.off('error', reject);
        resolve();
      });
    });
  }

  /** Waits for operations under way and their events, then stops listening. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.delivery.drain();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Never rejects: whatever goes wrong is an answer, or a closed connection when the client left. */
  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    try {
      await this.answer(req, res, requestId);
    } catch (error) {
      if (error instanceof ClientHungUp) return;
      if (error instanceof BodyTooLarge) {
        res.writeHead(413, CLOSE_CONNECTION).end();
        return;
      }
      console.error(`[local-cloudformation] ${req.method} ${req.url} failed unexpectedly:`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = 'The request processing has failed because of an unknown error, exception or failure.';
      res.writeHead(500, { 'Content-Type': 'text/xml' }).end(errorXml('InternalFailure', message, requestId));
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const body = (await readBody(req, MAX_REQUEST_BYTES)).toString('utf8');
    if (req.url?.startsWith('/__local/')) return this.serveTestHook(req, res, body);
    const params = parseForm(body);
    const action = params.Action ?? '';
    this.requests.push({ action, params, at: new Date().toISOString() });
    const unavailable = this.faults.take(params.StackName ?? '', ['unavailable'], (fault) => fault.action === action);
    if (unavailable) {
      res.writeHead(503, { 'Content-Type': 'text/xml' }).end(errorXml('ServiceUnavailable', 'Service is unavailable (fault injected)', requestId));
      return;
    }
    const refused = this.faults.take(params.StackName ?? '', ['refuse'], (fault) => fault.action === action);
    if (refused) {
      res.writeHead(400, { 'Content-Type': 'text/xml' }).end(errorXml('ValidationError', refused.reason, requestId));
      return;
    }
    try {
      const result = await this.dispatch(action, params);
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(resultXml(action, result, requestId));
    } catch (error) {
      if (!(error instanceof CloudFormationError)) throw error;
      res.writeHead(400, { 'Content-Type': 'text/xml' }).end(errorXml(error.code, error.message, requestId));
    }
  }

  private serveTestHook(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method === 'GET' && req.url === '/__local/requests') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(this.requests));
      return;
    }
    const stackName = req.method === 'GET' ? /^\/__local\/stacks\/([^/]+)$/.exec(req.url ?? '')?.[1] : undefined;
    if (stackName) {
      const stack = this.stacks.get(decodeURIComponent(stackName));
      const found = stack && stack.status !== 'DELETE_COMPLETE';
      res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(found ? { status: stack.status, reason: stack.statusReason ?? '' } : { status: 'none' }));
      return;
    }
    if (req.method === 'POST' && req.url === '/__local/faults') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      const problem = this.faults.add(parsed);
      res.writeHead(problem ? 400 : 204).end(problem);
      return;
    }
    res.writeHead(404).end();
  }

  private async dispatch(action: string, params: QueryParams): Promise<XmlValue> {
    switch (action) {
      case 'CreateStack':
        return { StackId: this.createStack(params) };
      case 'UpdateStack':
        return { StackId: this.updateStack(params) };
      case 'DeleteStack':
        this.deleteStack(params);
        return {};
      case 'DescribeStacks':
        return { Stacks: [describe(this.requireStack(params.StackName ?? ''))] };
      default:
        throw new CloudFormationError('InvalidAction', `The local provisioner does not implement ${action}`);
    }
  }

  private createStack(params: QueryParams): string {
    const stackName = params.StackName ?? '';
    const token = params.ClientRequestToken ?? '';
    const existing = this.stacks.get(stackName);
    if (existing && existing.status !== 'DELETE_COMPLETE') {
      if (token && existing.token === token) return existing.stackId; // the same request again
      // A stack that failed to create keeps its name until it is deleted.
      throw new CloudFormationError('AlreadyExistsException', `Stack [${stackName}] already exists`);
    }
    if (!stackName.startsWith(CUSTOMER_STACK_PREFIX)) {
      throw new CloudFormationError('ValidationError', `The local provisioner only serves ${CUSTOMER_STACK_PREFIX}* stacks`);
    }
    if (!params.TemplateURL) throw new CloudFormationError('ValidationError', 'TemplateURL is required');
    const parameters = keyValues(memberList(params, 'Parameters'), 'ParameterKey', 'ParameterValue');
    const missing = REQUIRED_PARAMETERS.filter((p) => parameters[p] === undefined);
    if (missing.length > 0) {
      throw new CloudFormationError('ValidationError', `Parameters: [${missing.join(', ')}] must have values`);
    }
    assertAllowedPlan(parameters);
    const stack: LocalStackRecord = {
      stackName,
      stackId: `arn:aws:cloudformation:${this.options.region}:${this.options.accountId}:stack/${stackName}/${randomUUID()}`,
      status: 'CREATE_IN_PROGRESS',
      parameters,
      tags: keyValues(memberList(params, 'Tags'), 'Key', 'Value'),
      token,
      templateUrl: params.TemplateURL,
      ...(params.RoleARN ? { roleArn: params.RoleARN } : {}),
      createdAt: new Date().toISOString(),
      outputs: {},
      onFailure: onFailureOf(params),
      retainExceptOnCreate: params.RetainExceptOnCreate === 'true',
    };
    this.stacks.set(stackName, stack);
    this.save();
    this.later(() => this.runCreate(stack));
    return stack.stackId;
  }

  private async runCreate(stack: LocalStackRecord): Promise<void> {
    this.emit(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
    await this.pause();
    const fault = this.faults.take(stack.stackName, ['create', 'create-after-bucket']);
    const failed = fault?.operation === 'create' ? BUCKET_LOGICAL_ID : await this.createResources(stack, fault !== undefined);
    if (!failed) {
      this.emit(stack, 'CREATE_COMPLETE', '');
      return;
    }
    const failedResources = `The following resource(s) failed to create: [${failed}]. `;
    if (stack.onFailure === 'DO_NOTHING') {
      this.emit(stack, 'CREATE_FAILED', failedResources);
      return;
    }
    if (stack.onFailure === 'DELETE') {
      this.emit(stack, 'DELETE_IN_PROGRESS', failedResources);
      await this.rollBackResources(stack);
      this.emit(stack, 'DELETE_COMPLETE', '');
      return;
    }
    this.emit(stack, 'ROLLBACK_IN_PROGRESS', `${failedResources}Rollback requested by user.`);
    await this.pause(fault?.rollback_ms);
    await this.rollBackResources(stack);
    this.emit(stack, 'ROLLBACK_COMPLETE', '');
  }

  /** Creates what the template declares; answers the logical id of the resource that failed, if one did. */
  private async createResources(stack: LocalStackRecord, policyFails: boolean): Promise<string | undefined> {
    const bucket = this.bucketOf(stack);
    if (await bucketExists(this.options.s3, bucket)) return BUCKET_LOGICAL_ID; // "<bucket> already exists"
    await createCustomerBucket(this.options.s3, bucket, this.options.corsOrigins);
    stack.ownsBucket = true;
    if (policyFails) return BUCKET_POLICY_LOGICAL_ID;
    const keys = createCustomerApiKey(this.options.usagePlans, this.customerIdOf(stack), this.usagePlanIdOf(stack));
    if ('failed' in keys) return keys.failed;
    stack.apiKey = keys.key;
    stack.outputs = { [TEMPLATE_OUTPUTS.bucketName]: bucket, [TEMPLATE_OUTPUTS.bucketArn]: `arn:aws:s3:::${bucket}` };
    return undefined;
  }

  /**
   * A rollback deletes what the failed create made, except resources with
   * DeletionPolicy Retain (the bucket), which it deletes only when the create
   * asked for RetainExceptOnCreate. A retained bucket leaves the stack.
   */
  private async rollBackResources(stack: LocalStackRecord): Promise<void> {
    if (stack.ownsBucket && stack.retainExceptOnCreate) await deleteCustomerBucket(this.options.s3, this.bucketOf(stack));
    stack.ownsBucket = false;
    this.deleteApiKey(stack);
    stack.outputs = {};
  }

  /** The key has the default DeletionPolicy (Delete): it goes with the stack, and with a rolled-back create. */
  private deleteApiKey(stack: LocalStackRecord): void {
    if (stack.apiKey) this.options.usagePlans.deleteKey(stack.apiKey.id);
    delete stack.apiKey;
  }

  /**
   * UpdateStack as CloudFormation takes it: the stack's previous template or another one
   * (TemplateURL, as a template rollout sends), with the parameters and tags given. The
   * same template, parameters and tags is "No updates are to be performed". An `update`
   * fault makes it fail and roll back to what the stack was (UPDATE_ROLLBACK_COMPLETE).
   */
  private updateStack(params: QueryParams): string {
    const stack = this.requireStack(params.StackName ?? '');
    const token = params.ClientRequestToken ?? '';
    // The same request again (a retry with its token) while it is applied, or after.
    if (token && token === stack.token && (stack.status === 'UPDATE_IN_PROGRESS' || stack.status === 'UPDATE_COMPLETE')) return stack.stackId;
    if (!UPDATABLE.has(stack.status)) {
      throw new CloudFormationError('ValidationError', `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
    }
    const previousTemplate = params.UsePreviousTemplate === 'true';
    if (previousTemplate === (params.TemplateURL !== undefined)) {
      throw new CloudFormationError('ValidationError', 'Exactly one of TemplateBody, TemplateUrl or UsePreviousTemplate must be specified.');
    }
    const templateUrl = previousTemplate ? stack.templateUrl : (params.TemplateURL as string);
    const parameters = keyValues(memberList(params, 'Parameters'), 'ParameterKey', 'ParameterValue');
    assertAllowedPlan(parameters);
    const tags = keyValues(memberList(params, 'Tags'), 'Key', 'Value');
    const same = templateUrl === stack.templateUrl && JSON.stringify(parameters) === JSON.stringify(stack.parameters) && JSON.stringify(tags) === JSON.stringify(stack.tags);
    if (same) throw new CloudFormationError('ValidationError', 'No updates are to be performed.');
    const before = { parameters: stack.parameters, tags: stack.tags, templateUrl: stack.templateUrl };
    stack.parameters = parameters;
    stack.tags = tags;
    stack.templateUrl = templateUrl;
    stack.token = token;
    stack.status = 'UPDATE_IN_PROGRESS';
    stack.updatedAt = new Date().toISOString();
    this.save();
    this.later(async () => {
      this.emit(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
      await this.pause();
      const fault = this.faults.take(stack.stackName, ['update']);
      if (fault) {
        this.emit(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', `The following resource(s) failed to update: [${BUCKET_LOGICAL_ID}]. ${fault.reason}`);
        Object.assign(stack, before);
        await this.pause();
        this.emit(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', '');
        this.emit(stack, 'UPDATE_ROLLBACK_COMPLETE', '');
        return;
      }
      this.moveApiKey(stack);
      this.emit(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', '');
      this.emit(stack, 'UPDATE_COMPLETE', '');
    });
    return stack.stackId;
  }

  /**
   * Another plan changes the UsagePlanKey's usage plan, which replaces it: the key
   * leaves its usage plan for the new plan's. (CloudFormation creates a replacement
   * before deleting what it replaces; whether API Gateway accepts the key in a second
   * usage plan of the same stage for that moment is not documented, so locally the
   * key simply moves.)
   */
  private moveApiKey(stack: LocalStackRecord): void {
    const usagePlanId = this.usagePlanIdOf(stack);
    if (!stack.apiKey || stack.apiKey.usagePlanId === usagePlanId) return;
    this.options.usagePlans.putKeyInPlan(stack.apiKey.id, usagePlanId);
    stack.apiKey = { ...stack.apiKey, usagePlanId };
  }

  private deleteStack(params: QueryParams): void {
    const stack = this.stacks.get(params.StackName ?? '');
    // Deleting nothing, or a stack already being deleted, succeeds and changes nothing.
    if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS') return;
    if (stack.status.endsWith('_IN_PROGRESS')) {
      throw new CloudFormationError('ValidationError', `Stack [${stack.stackId}] cannot be deleted while in status ${stack.status}`);
    }
    stack.token = params.ClientRequestToken ?? '';
    stack.status = 'DELETE_IN_PROGRESS';
    this.save();
    this.later(async () => {
      this.emit(stack, 'DELETE_IN_PROGRESS', 'User Initiated');
      await this.pause();
      const fault = this.faults.take(stack.stackName, ['delete']);
      if (fault) {
        this.emit(stack, 'DELETE_FAILED', fault.reason);
        return;
      }
      // The bucket has DeletionPolicy Retain: deleting the stack leaves it and its data.
      stack.ownsBucket = false;
      this.deleteApiKey(stack);
      this.emit(stack, 'DELETE_COMPLETE', '');
    });
  }

  private requireStack(stackName: string): LocalStackRecord {
    const stack = this.stacks.get(stackName);
    if (!stack || stack.status === 'DELETE_COMPLETE') {
      throw new CloudFormationError('ValidationError', `Stack with id ${stackName} does not exist`);
    }
    return stack;
  }

  private bucketOf(stack: LocalStackRecord): string {
    return customerBucketName(this.options.bucketPrefix, this.customerIdOf(stack));
  }

  private customerIdOf(stack: LocalStackRecord): string {
    return stack.parameters[TEMPLATE_PARAMETERS.customerId] ?? '';
  }

  /** The template imports the usage plan id of its `Plan` from the platform stack's exports. */
  private usagePlanIdOf(stack: LocalStackRecord): string {
    return this.options.usagePlans.exportedUsagePlanId(stack.parameters[TEMPLATE_PARAMETERS.plan] as PlanName);
  }

  /** Records the status, then hands its event to EventBridge-like delivery (unless a fault drops it). */
  private emit(stack: LocalStackRecord, status: string, reason: string): void {
    stack.status = status;
    stack.statusReason = reason;
    this.save();
    const event: StackStatusEvent = {
      'detail-type': 'CloudFormation Stack Status Change',
      source: 'aws.cloudformation',
      time: new Date().toISOString(),
      resources: [stack.stackId],
      detail: { 'stack-id': stack.stackId, 'status-details': { status, 'status-reason': reason }, 'client-request-token': stack.token },
    };
    const matches = (fault: { status: string }) => fault.status === status;
    if (this.faults.take(stack.stackName, ['drop-event'], matches)) {
      console.warn(`[local-eventbridge] ${status} of ${stack.stackName} dropped (fault injected)`);
      return;
    }
    const failing = this.faults.take(stack.stackName, ['fail-delivery'], matches);
    this.delivery.deliver(stack.stackName, event, failing?.attempts ?? 0);
  }

  private pause(ms = this.options.operationDelayMs ?? 50): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private later(operation: () => Promise<void>): void {
    const run = this.pause()
      .then(operation)
      .catch((error: unknown) => console.error('[local-cloudformation] operation failed:', error))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  private get stateFile(): string | undefined {
    return this.options.dataDir ? join(this.options.dataDir, 'stacks.json') : undefined;
  }

  private load(): LocalStackRecord[] {
    const file = this.stateFile;
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalStackRecord[]) : [];
  }

  private save(): void {
    const file = this.stateFile;
    if (!file || !this.options.dataDir) return;
    mkdirSync(this.options.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify([...this.stacks.values()], null, 2));
  }
}

/** The template's `Plan` parameter takes only its AllowedValues; CloudFormation refuses the call otherwise. */
function assertAllowedPlan(parameters: Record<string, string>): void {
  const plan = parameters[TEMPLATE_PARAMETERS.plan];
  if (plan !== undefined && !(PLAN_NAMES as readonly string[]).includes(plan)) {
    throw new CloudFormationError('ValidationError', `Parameter '${TEMPLATE_PARAMETERS.plan}' must be one of AllowedValues`);
  }
}

/** OnFailure (default ROLLBACK) or the older DisableRollback, never both, as CreateStack documents. */
function onFailureOf(params: QueryParams): OnFailure {
  const { OnFailure: onFailure, DisableRollback: disableRollback } = params;
  if (onFailure !== undefined && disableRollback !== undefined) {
    throw new CloudFormationError('ValidationError', 'You can specify either DisableRollback or OnFailure, but not both.');
  }
  if (onFailure !== undefined && !(ON_FAILURE as readonly string[]).includes(onFailure)) {
    throw new CloudFormationError('ValidationError', `OnFailure must be one of ${ON_FAILURE.join(', ')}`);
  }
  if (disableRollback === 'true') return 'DO_NOTHING';
  return (onFailure as OnFailure | undefined) ?? 'ROLLBACK';
}

function keyValues(members: Record<string, string>[], key: string, value: string): Record<string, string> {
  return Object.fromEntries(members.map((m) => [m[key] ?? '', m[value] ?? '']));
}

function describe(stack: LocalStackRecord): XmlValue {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    StackStatus: stack.status,
    ...(stack.statusReason ? { StackStatusReason: stack.statusReason } : {}),
    CreationTime: stack.createdAt,
    ...(stack.updatedAt ? { LastUpdatedTime: stack.updatedAt } : {}),
    DisableRollback: String(stack.onFailure === 'DO_NOTHING'),
    RetainExceptOnCreate: String(stack.retainExceptOnCreate === true),
    Parameters: Object.entries(stack.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    Tags: Object.entries(stack.tags).map(([Key, Value]) => ({ Key, Value })),
    Outputs: Object.entries(stack.outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
  };
}
