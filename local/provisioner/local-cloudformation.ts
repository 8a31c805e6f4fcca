import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { StackStatusEvent } from '#shared/customers/stack-events.ts';
import {
  customerBucketName,
  CUSTOMER_STACK_PREFIX,
  TEMPLATE_OUTPUTS,
  TEMPLATE_PARAMETERS,
} from '#shared/customers/template-contract.ts';
import { errorXml, memberList, parseForm, resultXml, type QueryParams, type XmlValue } from './query-protocol.ts';
import { readBody } from '../read-body.ts';

/**
 * The local provisioner: answers the CloudFormation calls Portico makes
 * (CreateStack, UpdateStack, DeleteStack, DescribeStacks) the way
 * CloudFormation does for the customer template — it creates the customer's
 * bucket in s3rver (with the template's CORS rules) — and sends the same
 * 'CloudFormation Stack Status Change' events to the same status handler.
 *
 * Test hooks, local only: `GET /__local/requests` lists every call received
 * (tests assert the exact request), `POST /__local/faults` makes the next
 * create or delete of a matching stack fail with a reason.
 */
export interface LocalCloudFormationOptions {
  readonly port: number;
  readonly s3: S3Client;
  readonly bucketPrefix: string;
  readonly corsOrigins: readonly string[];
  readonly accountId: string;
  readonly region: string;
  readonly dataDir?: string;
  /** Delivers a status event; the local stack passes it to the stack-status handler. */
  readonly onEvent: (event: StackStatusEvent) => Promise<unknown>;
  /** Delay before a stack operation completes, as CloudFormation takes a while. */
  readonly operationDelayMs?: number;
}

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
  outputs: Record<string, string>;
}

interface Fault {
  /** Matches every stack whose name starts with this (a whole name matches itself). */
  readonly stack_name_prefix: string;
  readonly operation: 'create' | 'delete';
  readonly reason: string;
}

class CloudFormationError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const REQUIRED_PARAMETERS = Object.values(TEMPLATE_PARAMETERS);

export class LocalCloudFormation {
  private readonly stacks = new Map<string, LocalStackRecord>();
  private readonly requests: { action: string; params: QueryParams; at: string }[] = [];
  private faults: Fault[] = [];
  private readonly pending = new Set<Promise<void>>();
  private server?: Server;

  constructor(private readonly options: LocalCloudFormationOptions) {
    for (const stack of this.load()) this.stacks.set(stack.stackName, stack);
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server?.listen(this.options.port, '127.0.0.1', resolve));
  }

  /** Waits for operations under way, then stops listening. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readBody(req)).toString('utf8');
    const requestId = randomUUID();
    if (req.url?.startsWith('/__local/')) return this.serveTestHook(req, res, body);
    const params = parseForm(body);
    const action = params.Action ?? '';
    this.requests.push({ action, params, at: new Date().toISOString() });
    try {
      const result = await this.dispatch(action, params);
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(resultXml(action, result, requestId));
    } catch (error) {
      const { code, message } = error instanceof CloudFormationError ? error : { code: 'InternalFailure', message: String(error) };
      res.writeHead(400, { 'Content-Type': 'text/xml' }).end(errorXml(code, message, requestId));
    }
  }

  private serveTestHook(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method === 'GET' && req.url === '/__local/requests') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(this.requests));
      return;
    }
    if (req.method === 'POST' && req.url === '/__local/faults') {
      this.faults.push(JSON.parse(body) as Fault);
      res.writeHead(204).end();
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
    };
    this.stacks.set(stackName, stack);
    this.save();
    this.later(async () => {
      await this.emit(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
      const fault = this.takeFault(stackName, 'create');
      const failure = fault?.reason ?? (await this.createBucket(stack));
      if (failure) {
        await this.emit(stack, 'CREATE_FAILED', failure);
        // OnFailure=DELETE: CloudFormation removes the failed stack.
        await this.emit(stack, 'DELETE_IN_PROGRESS', '');
        await this.emit(stack, 'DELETE_COMPLETE', '');
        return;
      }
      await this.emit(stack, 'CREATE_COMPLETE', '');
    });
    return stack.stackId;
  }

  private updateStack(params: QueryParams): string {
    const stack = this.requireStack(params.StackName ?? '');
    const parameters = keyValues(memberList(params, 'Parameters'), 'ParameterKey', 'ParameterValue');
    const tags = keyValues(memberList(params, 'Tags'), 'Key', 'Value');
    if (JSON.stringify(parameters) === JSON.stringify(stack.parameters) && JSON.stringify(tags) === JSON.stringify(stack.tags)) {
      throw new CloudFormationError('ValidationError', 'No updates are to be performed.');
    }
    stack.parameters = parameters;
    stack.tags = tags;
    stack.token = params.ClientRequestToken ?? '';
    stack.status = 'UPDATE_IN_PROGRESS';
    this.save();
    this.later(async () => {
      await this.emit(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
      await this.emit(stack, 'UPDATE_COMPLETE', '');
    });
    return stack.stackId;
  }

  private deleteStack(params: QueryParams): void {
    const stack = this.stacks.get(params.StackName ?? '');
    if (!stack || stack.status === 'DELETE_COMPLETE') return; // deleting nothing succeeds, as in CloudFormation
    stack.token = params.ClientRequestToken ?? '';
    this.later(async () => {
      await this.emit(stack, 'DELETE_IN_PROGRESS', 'User Initiated');
      const fault = this.takeFault(stack.stackName, 'delete');
      // The bucket has DeletionPolicy Retain: deleting the stack leaves it and its data.
      await this.emit(stack, fault ? 'DELETE_FAILED' : 'DELETE_COMPLETE', fault?.reason ?? '');
    });
  }

  private requireStack(stackName: string): LocalStackRecord {
    const stack = this.stacks.get(stackName);
    if (!stack || stack.status === 'DELETE_COMPLETE') {
      throw new CloudFormationError('ValidationError', `Stack with id ${stackName} does not exist`);
    }
    return stack;
  }

  /** Creates the bucket as the template would; answers a failure reason or undefined. */
  private async createBucket(stack: LocalStackRecord): Promise<string | undefined> {
    const bucket = customerBucketName(this.options.bucketPrefix, stack.parameters[TEMPLATE_PARAMETERS.customerId] ?? '');
    const exists = await this.options.s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
      () => true,
      () => false,
    );
    if (exists) return `${bucket} already exists`;
    await this.options.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await this.options.s3.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
              AllowedOrigins: [...this.options.corsOrigins],
              AllowedHeaders: ['*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      }),
    );
    stack.outputs = { [TEMPLATE_OUTPUTS.bucketName]: bucket, [TEMPLATE_OUTPUTS.bucketArn]: `arn:aws:s3:::${bucket}` };
    return undefined;
  }

  private takeFault(stackName: string, operation: Fault['operation']): Fault | undefined {
    const fault = this.faults.find((f) => stackName.startsWith(f.stack_name_prefix) && f.operation === operation);
    if (fault) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  private async emit(stack: LocalStackRecord, status: string, reason: string): Promise<void> {
    stack.status = status;
    stack.statusReason = reason;
    this.save();
    await this.options.onEvent({
      'detail-type': 'CloudFormation Stack Status Change',
      source: 'aws.cloudformation',
      time: new Date().toISOString(),
      resources: [stack.stackId],
      detail: {
        'stack-id': stack.stackId,
        'status-details': { status, 'status-reason': reason },
        'client-request-token': stack.token,
      },
    });
  }

  private later(operation: () => Promise<void>): void {
    const run = new Promise<void>((resolve) => setTimeout(resolve, this.options.operationDelayMs ?? 50))
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
    Parameters: Object.entries(stack.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    Tags: Object.entries(stack.tags).map(([Key, Value]) => ({ Key, Value })),
    Outputs: Object.entries(stack.outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
  };
}
