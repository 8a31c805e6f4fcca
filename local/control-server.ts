import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScheduledEvent } from 'aws-lambda';
import { CALLS_HEADER, FAULT_HEADER, parseFaultHeader, withFaultScope } from './faults/sdk-faults.ts';

/**
 * The local stand-in for EventBridge schedules, and a way to run one now.
 * Each scheduled function runs on a timer (its `everyMinutes`, or
 * `intervalSeconds` for all of them; 0 turns the timers off), never two runs
 * of one function at once. `POST /schedules/<function id>/run` runs it now and
 * answers its result as JSON; `GET /schedules` lists them. `GET
 * /permissions/used` answers which IAM actions each function has called.
 * `POST /events/<name>` (`s3-object`, `stack-status`) hands the JSON body to an event target now and
 * answers its result: a replay, as an EventBridge archive replays an event
 * (deliveries are at least once, so targets must take one twice). With
 * `x-portico-local-fault` (see faults/sdk-faults.ts) the target's n-th SDK
 * call to a service fails; the answer's `x-portico-local-sdk-calls` counts them.
 * `GET /template` answers the customer template version the platform runs and
 * `POST /template` with `{ "version": "…" }` switches it, as deploying a
 * changed customer template would (a test hook, for template rollouts).
 */
export interface ScheduledFunction {
  readonly id: string;
  readonly everyMinutes: number;
  readonly run: (event: ScheduledEvent) => Promise<unknown>;
}

export interface ControlServerOptions {
  readonly schedules: readonly ScheduledFunction[];
  /** Overrides every schedule; 0 turns the timers off. @default each function's everyMinutes */
  readonly intervalSeconds?: number;
  readonly region: string;
  readonly accountId: string;
  readonly log?: (line: string) => void;
  /** What each function was seen to call (`GET /permissions/used`), for the grant-coverage check. */
  readonly usedActions?: () => Record<string, string[]>;
  /** Event targets a test (or a developer) may deliver an event to: `POST /events/<name>`. */
  readonly eventTargets?: Readonly<Record<string, (event: never) => Promise<unknown>>>;
  /** The customer template in force (`GET /template`), and how to switch it (`POST /template`). */
  readonly template?: {
    readonly current: () => { readonly version: string; readonly url: string };
    readonly use: (version: string) => { readonly version: string; readonly url: string };
  };
}

export class LocalControlServer {
  private readonly server: Server = createServer((req, res) => void this.serve(req, res));
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ControlServerOptions) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    for (const schedule of this.options.schedules) {
      const everyMs = (this.options.intervalSeconds ?? schedule.everyMinutes * 60) * 1000;
      if (everyMs <= 0) continue;
      this.timers.push(setInterval(() => void this.runOnTimer(schedule), everyMs));
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running.values()]);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Runs the function now; a run already under way is waited for first, as schedules never overlap. */
  async runNow(schedule: ScheduledFunction): Promise<unknown> {
    const previous = this.running.get(schedule.id);
    if (previous) await previous.catch(() => undefined);
    const run = schedule.run(this.scheduledEvent(schedule.id));
    this.running.set(schedule.id, run);
    try {
      return await run;
    } finally {
      if (this.running.get(schedule.id) === run) this.running.delete(schedule.id);
    }
  }

  private async runOnTimer(schedule: ScheduledFunction): Promise<void> {
    if (this.running.has(schedule.id)) return;
    try {
      await this.runNow(schedule);
    } catch (error) {
      // In AWS the schedule's retries and dead-letter queue take it; the next run comes anyway.
      console.error(`[local-schedules] ${schedule.id} failed:`, error);
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/permissions/used') return answer(200, this.options.usedActions?.() ?? {});
    if (req.method === 'GET' && req.url === '/schedules') {
      return answer(200, this.options.schedules.map((s) => ({ id: s.id, every_seconds: this.options.intervalSeconds ?? s.everyMinutes * 60 })));
    }
    if (req.url === '/template' && this.options.template) return this.serveTemplate(req, answer);
    const target = req.method === 'POST' ? /^\/events\/([^/]+)$/.exec(req.url ?? '')?.[1] : undefined;
    if (target !== undefined) return this.deliverEvent(decodeURIComponent(target), req, answer);
    const id = req.method === 'POST' ? /^\/schedules\/([^/]+)\/run$/.exec(req.url ?? '')?.[1] : undefined;
    const schedule = this.options.schedules.find((s) => s.id === decodeURIComponent(id ?? ''));
    if (!schedule) return answer(404, { error: `no scheduled function at ${req.method} ${req.url}` });
    this.options.log?.(`run ${schedule.id} now`);
    try {
      answer(200, { function_id: schedule.id, result: (await this.runNow(schedule)) ?? null });
    } catch (error) {
      answer(500, { function_id: schedule.id, error: (error as Error).message });
    }
  }

  private async serveTemplate(req: IncomingMessage, answer: (status: number, body: unknown) => void): Promise<void> {
    const template = this.options.template;
    if (!template) return answer(404, { error: 'no template hook' });
    if (req.method === 'GET') return answer(200, template.current());
    if (req.method !== 'POST') return answer(405, { error: 'GET or POST /template' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let version: unknown;
    try {
      version = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { version?: unknown }).version;
    } catch {
      version = undefined;
    }
    // An asset hash, or any name a test picks: letters, digits, '-' (it becomes part of a URL).
    if (typeof version !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(version)) {
      return answer(400, { error: 'the body must be { "version": "<1 to 64 letters, digits or -" }' });
    }
    this.options.log?.(`customer template version ${version}`);
    answer(200, template.use(version));
  }

  private async deliverEvent(name: string, req: IncomingMessage, answer: (status: number, body: unknown, headers?: Record<string, string>) => void): Promise<void> {
    const deliver = this.options.eventTargets?.[name];
    if (!deliver) return answer(404, { error: `no event target ${name}` });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let event: unknown;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(400, { error: 'the body must be one JSON event' });
    }
    const faultHeader = req.headers[FAULT_HEADER];
    const fault = typeof faultHeader === 'string' ? parseFaultHeader(faultHeader) : undefined;
    if (faultHeader !== undefined && !fault) return answer(400, { error: `${FAULT_HEADER} must be 'count' or <service>:<n>:<before|after>` });
    this.options.log?.(`deliver an event to ${name}`);
    const attempt = async (): Promise<{ readonly result: unknown } | { readonly error: Error }> => {
      try {
        return { result: (await deliver(event as never)) ?? null };
      } catch (error) {
        return { error: error as Error };
      }
    };
    const { result: outcome, calls } = fault ? await withFaultScope(fault, attempt) : { result: await attempt(), calls: undefined };
    const headers: Record<string, string> = calls === undefined ? {} : { [CALLS_HEADER]: calls };
    if ('error' in outcome) return answer(500, { target: name, error: outcome.error.message }, headers);
    answer(200, { target: name, result: outcome.result }, headers);
  }

  /** The event an EventBridge schedule sends its target. */
  private scheduledEvent(functionId: string): ScheduledEvent {
    const { region, accountId } = this.options;
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: accountId,
      time: new Date().toISOString(),
      region,
      resources: [`arn:aws:events:${region}:${accountId}:rule/${functionId}`],
      detail: {},
    };
  }
}
