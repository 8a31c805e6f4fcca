import { performance } from 'node:perf_hooks';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { LocalStackInfo } from '#local/stack.ts';
import { daylilyExampleRequest, pairedSample, requestWith } from '#test/unit/worksets/fixtures.ts';
import { unexpectedAnswer, type RequestKind } from './expectations.ts';
import { parseJson, type LoadClient, type TimedAnswer } from './http.ts';
import type { Recorder } from './recorder.ts';
import type { Tenant } from './tenants.ts';

/**
 * One step of a virtual user: a request (or two, for an upload: the ticket and
 * the PUT of its bytes) on behalf of a tenant's member. Weights are the share
 * of steps: mostly reads and submissions, as a portal and its runner make them.
 */
interface Step {
  readonly name: string;
  readonly weight: number;
  run(context: WorkloadContext, tenant: Tenant): Promise<void>;
}

export interface WorkloadContext {
  readonly info: LocalStackInfo;
  readonly client: LoadClient;
  readonly s3: S3Client;
  recorder: Recorder;
}

const KIB = 1024;
/** Uploads are small: the bytes cross loopback twice (client → S3 front → s3rver), and what is measured is the platform, not disk copies. */
const MAX_UPLOAD_BYTES = 64 * KIB;
const PAYLOAD = Buffer.alloc(MAX_UPLOAD_BYTES, 7);

const customerPath = (tenant: Tenant, rest = '') => `/customers/${tenant.customerId}${rest}`;

const STEPS: readonly Step[] = [
  { name: 'customer', weight: 8, run: (c, t) => read(c, t, 'customers.get', customerPath(t)) },
  { name: 'worksets', weight: 8, run: (c, t) => read(c, t, 'worksets.list', customerPath(t, '/worksets?limit=20')) },
  {
    name: 'workset',
    weight: 5,
    run: (c, t) => {
      const known = [...t.admitted];
      return known.length === 0 ? read(c, t, 'worksets.list', customerPath(t, '/worksets')) : read(c, t, 'worksets.get', customerPath(t, `/worksets/${pick(known)}`));
    },
  },
  { name: 'quotas', weight: 5, run: (c, t) => read(c, t, 'quotas.get', customerPath(t, '/quotas')) },
  { name: 'usage', weight: 14, run: (c, t) => read(c, t, 'usage.get', customerPath(t, '/usage')) },
  { name: 'yaml', weight: 14, run: generateYaml },
  { name: 'submit', weight: 22, run: submit },
  { name: 'cancel', weight: 9, run: cancel },
  { name: 'finish', weight: 5, run: finish },
  { name: 'upload', weight: 10, run: upload },
];
const TOTAL_WEIGHT = STEPS.reduce((sum, step) => sum + step.weight, 0);

/** `connections` virtual users, each sending its next request once the last one answered, until `untilMs` (performance.now()). */
export async function runWorkload(context: WorkloadContext, tenants: readonly Tenant[], connections: number, untilMs: number): Promise<void> {
  const user = async () => {
    while (performance.now() < untilMs) await pickStep().run(context, pick(tenants));
  };
  await Promise.all(Array.from({ length: connections }, user));
}

function pickStep(): Step {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const step of STEPS) {
    roll -= step.weight;
    if (roll < 0) return step;
  }
  return STEPS[STEPS.length - 1] as Step;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** Records the answer under its route; answers the parsed body when it was right for its kind, else undefined. */
function judge(context: WorkloadContext, tenant: Tenant, route: string, kind: RequestKind, answer: TimedAnswer): any {
  const body = parseJson(answer.text);
  const unexpected = unexpectedAnswer(kind, answer.status, body, { slots: tenant.slots });
  context.recorder.record({ route, status: answer.status, latencyMs: answer.latencyMs, ...(unexpected ? { unexpected, body: answer.text } : {}) });
  if (unexpected && kind !== 'read' && kind !== 'yaml') tenant.uncertainWrites++;
  return unexpected ? undefined : (body ?? {});
}

async function read(context: WorkloadContext, tenant: Tenant, route: string, path: string): Promise<void> {
  judge(context, tenant, route, 'read', await context.client.send('GET', `${context.info.api_url}${path}`, { token: tenant.token }));
}

async function generateYaml(context: WorkloadContext, tenant: Tenant): Promise<void> {
  const body = Math.random() < 0.5 ? daylilyExampleRequest : requestWith({ samples: [pairedSample('s1'), pairedSample('s2', 40)] });
  judge(context, tenant, 'worksets.generateYaml', 'yaml', await context.client.send('POST', `${context.info.api_url}/worksets/generate-yaml`, { token: tenant.token, json: body }));
}

async function submit(context: WorkloadContext, tenant: Tenant): Promise<void> {
  const answer = await context.client.send('POST', `${context.info.api_url}${customerPath(tenant, '/worksets')}`, { token: tenant.token, json: requestWith() });
  // Admissions hand the workset over (five objects written); refusals are one conditional write: timed apart.
  const route = answer.status === 201 ? 'worksets.submit 201' : answer.status === 429 ? 'worksets.submit 429' : 'worksets.submit';
  const body = judge(context, tenant, route, 'submit', answer);
  if (answer.status === 201 && body) {
    tenant.admitted.add(body.workset_id);
    tenant.held.push(body.workset_id);
  }
}

/** Takes a workset the load holds out of `held` before the request, so no other virtual user acts on it too. */
function takeHeld(tenant: Tenant): string | undefined {
  if (tenant.held.length === 0) return undefined;
  const index = Math.floor(Math.random() * tenant.held.length);
  return tenant.held.splice(index, 1)[0];
}

async function cancel(context: WorkloadContext, tenant: Tenant): Promise<void> {
  const worksetId = takeHeld(tenant);
  if (worksetId === undefined) return submit(context, tenant);
  const answer = await context.client.send('POST', `${context.info.api_url}${customerPath(tenant, `/worksets/${worksetId}/cancel`)}`, { token: tenant.token });
  if (judge(context, tenant, 'worksets.cancel', 'cancel', answer)) tenant.canceled.add(worksetId);
}

/** The runner finishing a workset: it writes `daylily.complete` into the folder, and the object event frees the slot. */
async function finish(context: WorkloadContext, tenant: Tenant): Promise<void> {
  const worksetId = takeHeld(tenant);
  if (worksetId === undefined) return submit(context, tenant);
  const started = performance.now();
  let status: number;
  let text = '';
  try {
    const result = await context.s3.send(new PutObjectCommand({ Bucket: tenant.bucket, Key: `worksets/${worksetId}/daylily.complete`, Body: `${new Date().toISOString()}\n` }));
    status = result.$metadata.httpStatusCode ?? 200;
  } catch (error) {
    status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    text = `${(error as Error).name}: ${(error as Error).message}`;
  }
  const answer = { status, text, headers: {}, latencyMs: performance.now() - started };
  if (judge(context, tenant, 's3.putSentinel', 'sentinel', answer)) tenant.finished.add(worksetId);
}

async function upload(context: WorkloadContext, tenant: Tenant): Promise<void> {
  const size = KIB + Math.floor(Math.random() * (MAX_UPLOAD_BYTES - KIB));
  const ticket = judge(
    context,
    tenant,
    'uploads.create',
    'upload-ticket',
    await context.client.send('POST', `${context.info.api_url}${customerPath(tenant, '/uploads')}`, {
      token: tenant.token,
      json: { filename: `load_${Math.random().toString(36).slice(2, 8)}_R1.fastq.gz`, size_bytes: size, content_type: 'application/gzip' },
    }),
  );
  if (!ticket) return;
  const headers = Object.fromEntries(Object.entries(ticket.headers as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value]));
  const put = await context.client.send('PUT', ticket.url, { headers, body: PAYLOAD.subarray(0, size) });
  if (judge(context, tenant, 's3.presignedPut', 'upload-put', put)) tenant.uploads.set(ticket.upload_id, size);
}
