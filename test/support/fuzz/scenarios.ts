import fc from 'fast-check';
import type { RouteDefinition, RouteId } from '#shared/routes/index.ts';
import { sanitizeFastqFilename } from '#shared/uploads/filename.ts';
import { normalizeWorksetRequest, writeWorksetYaml } from '#shared/worksets/index.ts';
import type { FuzzStack, Identity } from './fuzz-stack.ts';
import type { FuzzRequest } from './mutations.ts';

/** What the fuzz suite set up on its stack before fuzzing. */
export interface FuzzWorld {
  readonly stack: FuzzStack;
  readonly admin: Identity;
  /** A user with no membership. */
  readonly stranger: Identity;
  /** The main tenant: reads, uploads, worksets, members. */
  readonly a: {
    readonly customerId: string;
    readonly admin: Identity;
    readonly member: Identity;
    /** A member whose role the fuzzer changes, and one it removes. */
    readonly roleChanging: Identity;
    readonly removable: Identity;
    readonly worksetId: string;
    readonly cancellableWorksetId: string;
    readonly movingWorksetId: string;
    readonly uploadId: string;
    readonly abortableUploadId: string;
  };
  /** Another tenant: its ids and its real page tokens are what A's users try. */
  readonly b: { readonly customerId: string; readonly member: Identity; readonly worksetId: string; readonly uploadId: string };
  /** Customers whose lifecycle the fuzzer drives: profile and quotas, suspension, offboarding. */
  readonly updated: string;
  readonly suspended: string;
  readonly offboarded: string;
  /** Real page tokens of listings other than the one fuzzed, by route id. */
  readonly foreignTokens: Readonly<Partial<Record<RouteId, readonly string[]>>>;
  /** The plans' current limits, written back as the only valid PUT /plans. */
  readonly plans: Readonly<Record<string, Record<string, number>>>;
}

export interface Scenario {
  /** The caller's token. @default by access rule: none, a member or admin of A, the platform admin */
  readonly caller?: (world: FuzzWorld) => string | undefined;
  /** Path parameter values of a valid request. @default A's ids */
  readonly params?: (world: FuzzWorld) => Record<string, string>;
  /** What a valid request answers, and why when it is not a success. @default any 2xx */
  readonly valid?: { readonly statuses: readonly number[]; readonly why?: string };
  /** Arbitraries for fields the schemas cannot describe, by path (see arbitraryOf). */
  readonly bodyHints?: (world: FuzzWorld) => Record<string, fc.Arbitrary<unknown>>;
  readonly queryHints?: (world: FuzzWorld) => Record<string, fc.Arbitrary<unknown>>;
  /** The whole valid body, when no derivation can produce one. */
  readonly validBody?: (world: FuzzWorld) => fc.Arbitrary<unknown>;
  /** Largest body the route takes. @default 64 KB */
  readonly maxBodyBytes?: number;
  /** A rule beyond the schemas: the statuses a schema-valid request answers, when they differ from `valid`. */
  readonly semantic?: (world: FuzzWorld, request: FuzzRequest) => { readonly statuses: readonly number[]; readonly why: string } | undefined;
  /** A schema-valid request this must not send (it would change what every customer shares). */
  readonly mustNotSend?: (world: FuzzWorld, request: FuzzRequest) => boolean;
  /** Waits for what an accepted request started (stack events), so it cannot land during a later count. */
  readonly settle?: (world: FuzzWorld, answer: { status: number; body: any }) => Promise<void>;
  /** The route honours `Idempotency-Key`: a key outside its shape is a 400. */
  readonly idempotencyKey?: true;
  /** What another tenant's id of a path parameter answers, when not the default 404 (it names nothing of this customer's). */
  readonly foreignIds?: Readonly<Record<string, { readonly status: number; readonly why: string }>>;
  /** The route chooses its answer's type from Accept: the status an Accept it cannot produce answers. */
  readonly acceptRule?: (accept: string) => number | undefined;
}

const WORKSET_BODY_BYTES = 2 * 1024 * 1024;
const sampleIds = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/), { minLength: 1, maxLength: 3, comparator: (x, y) => x.toLowerCase() === y.toLowerCase() });

/** Samples whose FASTQ files are keys in the customer's own bucket: every pipeline takes paired reads. */
const fastqName = fc.stringMatching(/^(?:[A-Za-z0-9_-]{1,8}\/){0,2}[A-Za-z0-9_-]{1,10}$/);
const worksetHints = (): Record<string, fc.Arbitrary<unknown>> => ({
  'samples[].fastq_r1': fastqName.map((name) => `${name}_R1.fastq.gz`),
  'samples[].fastq_r2': fastqName.map((name) => `${name}_R2.fq.gz`),
  sample_sheet: fc.constant(undefined),
  export_uri: fc.constant(undefined),
});

/** Valid workset fields for the YAML validator, built without derivation. */
const worksetFields = sampleIds.map((ids) => ({
  reference_genome: 'GRCh38',
  samples: ids.map((id) => ({ sample_id: id, fastq_r1: `reads/${id}_R1.fastq.gz`, fastq_r2: `reads/${id}_R2.fastq.gz` })),
}));

const noToken = { next_token: fc.constant(undefined) };
const noDeployOnlyOverrides = { requests_per_second: fc.constant(undefined), burst: fc.constant(undefined) };

/** Waits until the customer's stack operation has ended, so its status event cannot land during a later count. */
const settleCustomer = (status: string) => async (world: FuzzWorld, answer: { body: any }) => {
  const id = answer.body?.customer_id as string | undefined;
  if (id) await world.stack.waitForStatus(world.admin.token, id, status);
  await world.stack.settle();
};

/** Waits for the S3 object events of files the request wrote (the runner's files): the usage function stores one item per object. */
const settleObjectEvents = (world: FuzzWorld) => world.stack.settle();

/**
 * Per route, what the fuzzer needs beyond the route table and the request
 * schemas. A route without an entry is fuzzed with the defaults.
 */
export const scenarios: Partial<Record<RouteId, Scenario>> = {
  'customers.create': {
    valid: {
      statuses: [202, 409],
      why: 'a name and email onboarded in the last 15 minutes with other settings (a generated body seen again, mutated) is a 409 naming that customer',
    },
    idempotencyKey: true,
    bodyHints: () => ({ ...noDeployOnlyOverrides, settings: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }) }),
    settle: settleCustomer('ACTIVE'),
  },
  'customers.list': { queryHints: () => noToken },
  'customers.update': {
    params: (w) => ({ customer_id: w.updated }),
    // Settled: a PATCH while the last one's stack update runs is recorded, then answers 409 (send it again).
    settle: async (w) => {
      await w.stack.waitForStackIdle(`portico-customer-${w.updated}`);
      await w.stack.settle();
    },
    bodyHints: () => ({ ...noDeployOnlyOverrides, settings: fc.constant(undefined) }),
  },
  'customers.provision': {
    params: (w) => ({ customer_id: w.updated }),
    valid: { statuses: [409], why: 'the customer is ACTIVE: provisioning is retried only for PROVISIONING or PROVISION_FAILED customers' },
  },
  'customers.deactivate': {
    params: (w) => ({ customer_id: w.suspended }),
    valid: { statuses: [200, 409], why: 'the second deactivation finds the customer INACTIVE already' },
  },
  'customers.activate': {
    params: (w) => ({ customer_id: w.suspended }),
    valid: { statuses: [200, 409], why: 'an ACTIVE customer cannot be activated again' },
  },
  'customers.offboard': {
    params: (w) => ({ customer_id: w.offboarded }),
    queryHints: (w) => ({ confirm: fc.constant(w.offboarded) }),
    valid: { statuses: [202, 409], why: 'once OFFBOARDING, offboarding again conflicts with the status' },
    semantic: (w, request) =>
      request.query.findLast(([name]) => name === 'confirm')?.[1] !== w.offboarded ? { statuses: [400], why: 'confirm must repeat the customer id' } : undefined,
    settle: async (w, answer) => {
      if (answer.status === 202) await w.stack.waitForStatus(w.admin.token, w.offboarded, 'OFFBOARDED');
      await w.stack.settle();
    },
  },
  'usage.history': { queryHints: () => ({ from: fc.constant(undefined) }) },
  'billing.export': {
    valid: { statuses: [303] },
    queryHints: () => ({ period: fc.integer({ min: 0, max: 24 }).map((back) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - back, 1)).toISOString().slice(0, 7)) }),
    acceptRule: (accept) => {
      const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '');
      return types.includes('application/x-ndjson') || types.some((t) => ['text/csv', 'text/*', '*/*', ''].includes(t)) ? undefined : 406;
    },
  },
  'quotas.update': { params: (w) => ({ customer_id: w.updated }) },
  'plans.put': {
    params: () => ({ plan_id: 'standard' }),
    validBody: (w) => fc.constant({ quotas: w.plans.standard }),
    // Any other valid body changes the plan every customer on it follows.
    mustNotSend: (w, request) => request.body !== undefined && 'json' in request.body && JSON.stringify(request.body.json) !== JSON.stringify({ quotas: w.plans.standard }),
  },
  'memberships.add': { valid: { statuses: [201, 409], why: 'an email generated twice is already a member' } },
  'memberships.list': { queryHints: () => noToken },
  'memberships.changeRole': { params: (w) => ({ customer_id: w.a.customerId, user_id: w.a.roleChanging.userId }) },
  'memberships.remove': {
    params: (w) => ({ customer_id: w.a.customerId, user_id: w.a.removable.userId }),
    valid: { statuses: [204, 404], why: 'once removed, the user is no member to remove' },
  },
  'memberships.setDefault': {
    caller: (w) => w.a.member.token,
    params: (w) => ({ customer_id: w.a.customerId, user_id: w.a.member.userId }),
    foreignIds: { user_id: { status: 403, why: "only the user, a customer admin or a platform admin may change a user's default" } },
  },
  'audit.list': { queryHints: () => noToken },
  'uploads.create': {
    valid: { statuses: [201] },
    semantic: (_w, request) => {
      const filename = request.body && 'json' in request.body ? (request.body.json as { filename?: unknown }).filename : undefined;
      return typeof filename === 'string' && !sanitizeFastqFilename(filename)
        ? { statuses: [400], why: 'the file name, once made safe for a key, is not a FASTQ name' }
        : undefined;
    },
    // Up to 1 GiB: a 5 TiB upload presigns 10,000 part URLs, seconds of work for what smaller ones show.
    bodyHints: () => ({ size_bytes: fc.integer({ min: 1, max: 2 ** 30 }), filename: fc.stringMatching(/^(?:[a-z0-9][a-z0-9_-]{0,7}\/){0,2}[A-Za-z0-9][A-Za-z0-9_.-]{0,11}\.(?:fastq|fq)(?:\.gz)?$/) }),
  },
  'uploads.complete': {
    bodyHints: () => ({
      parts: fc
        .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 3 })
        .map((numbers) => numbers.sort((x, y) => x - y).map((part_number) => ({ part_number, etag: `"${part_number.toString(16).padStart(32, '0')}"` }))),
    }),
    valid: { statuses: [400], why: 'no part was uploaded, so no ETag the fuzzer sends is one S3 has' },
  },
  'uploads.abort': {
    params: (w) => ({ customer_id: w.a.customerId, upload_id: w.a.abortableUploadId }),
    valid: { statuses: [200, 409], why: 'an aborted upload cannot be aborted again' },
  },
  'worksets.submit': { valid: { statuses: [201] }, idempotencyKey: true, bodyHints: worksetHints, maxBodyBytes: WORKSET_BODY_BYTES, settle: settleObjectEvents },
  'worksets.list': { queryHints: () => noToken },
  'worksets.cancel': {
    params: (w) => ({ customer_id: w.a.customerId, workset_id: w.a.cancellableWorksetId }),
    valid: { statuses: [200, 409], why: 'a cancelled workset cannot be cancelled again' },
    settle: settleObjectEvents,
  },
  'worksets.setState': {
    params: (w) => ({ customer_id: w.a.customerId, workset_id: w.a.movingWorksetId }),
    valid: { statuses: [200, 409], why: "a move the workset state machine does not allow from the workset's current state" },
    settle: settleObjectEvents,
  },
  // Brings every ACTIVE customer's stack to the template in force: their update events land after the answer.
  'admin.rollout.start': { settle: (w) => w.stack.settle() },
  'worksets.generateYaml': { bodyHints: worksetHints, maxBodyBytes: WORKSET_BODY_BYTES },
  'worksets.validateYaml': {
    maxBodyBytes: WORKSET_BODY_BYTES,
    validBody: () =>
      worksetFields.map((fields) => {
        const result = normalizeWorksetRequest(fields);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        return { yaml_content: writeWorksetYaml(result.config) };
      }),
  },
};

/** Who calls a route by default: the least privileged identity its access rule lets through. */
export function defaultCaller(route: RouteDefinition, world: FuzzWorld): string | undefined {
  switch (route.access.kind) {
    case 'public':
      return undefined;
    case 'authenticated':
      return world.a.member.token;
    case 'customer':
      return route.access.role === 'admin' ? world.a.admin.token : world.a.member.token;
    default:
      return world.admin.token;
  }
}

/** A's ids for every path parameter. */
export function defaultParams(world: FuzzWorld): Record<string, string> {
  return { customer_id: world.a.customerId, user_id: world.a.member.userId, workset_id: world.a.worksetId, upload_id: world.a.uploadId, plan_id: 'standard' };
}
