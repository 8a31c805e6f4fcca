import { beforeAll, describe, expect, it } from 'vitest';
import {
  BASELINE_SOURCE,
  bundle,
  bundledClientPackages,
  bundleFunctions,
  clientPackages,
  everyFunction,
  floorClients,
  floorSource,
  type BundleResult,
} from '#test/support/function-bundles.ts';

/**
 * Lambda cold starts grow with bundle size. Every function (read from the
 * route table and the event functions) is bundled as CDK bundles it
 * (lib/constructs/function-bundling.ts: minified ESM for node22, SDK inside)
 * next to its floor, a function that only builds the SDK clients its grants
 * imply, and may be at most 1.25x its floor. Init time is benched
 * (`npm run bench`), not tested: timings are too noisy to fail a build on.
 *
 * The budget caught a 440 KB regression once: `import { z } from 'zod'`
 * pulls in every zod locale, where `import * as z from 'zod'` lets esbuild
 * keep only what is used.
 */
const BUDGET = 1.25;

const ZOD =
  'validates its body or query with zod (~90 KB minified: zod classic does not tree-shake, and its schemas live in shared/ modules besides this function); moving them to zod/mini or plain validators would bring it within budget';
const YAML = 'reads or writes YAML: the yaml library (~113 KB) is the work itself';
const STRAY_CLIENT = 'bundles an SDK client its grants do not use (see STRAY_CLIENTS)';

/**
 * Functions over budget, each with the ratio it may not exceed (what was
 * measured, plus a little) and why. A function that comes within budget must
 * leave this list; one that grows past its ceiling fails like any other.
 */
const OVER_BUDGET: Readonly<Record<string, { readonly ceiling: number; readonly reason: string }>> = {
  'customers/create': { ceiling: 1.5, reason: ZOD },
  'customers/list': { ceiling: 1.5, reason: ZOD },
  'customers/update': { ceiling: 1.5, reason: ZOD },
  'customers/offboard': { ceiling: 1.5, reason: ZOD },
  // 1.254x: the CloudFormation client of shared/customers/provisioner.ts (20 KB), reached through lifecycle.ts.
  'customers/deactivate': { ceiling: 1.3, reason: STRAY_CLIENT },
  'customers/activate': { ceiling: 1.3, reason: STRAY_CLIENT },
  'quotas/update': { ceiling: 1.55, reason: `${ZOD}; ${STRAY_CLIENT}` },
  'plans/put': { ceiling: 1.47, reason: ZOD },
  'memberships/add': { ceiling: 1.44, reason: ZOD },
  'memberships/list': { ceiling: 1.48, reason: ZOD },
  'memberships/change-role': { ceiling: 1.43, reason: ZOD },
  'audit/list': { ceiling: 1.47, reason: ZOD },
  'usage/history': { ceiling: 1.46, reason: ZOD },
  // 1.38x: zod for the period query, and the presigner for the download link.
  'billing/export': { ceiling: 1.45, reason: ZOD },
  'uploads/create': { ceiling: 1.42, reason: ZOD },
  'uploads/complete': { ceiling: 1.38, reason: ZOD },
  'worksets/submit': { ceiling: 1.73, reason: `${ZOD}; ${YAML} (the runner's files)` },
  'worksets/list': { ceiling: 1.47, reason: ZOD },
  'worksets/get': { ceiling: 1.57, reason: STRAY_CLIENT },
  'worksets/set-state': { ceiling: 1.83, reason: `${STRAY_CLIENT}; ${ZOD}` },
  'worksets/generate-yaml': { ceiling: 1.85, reason: `${YAML}; ${ZOD} (the workset schema is the work too)` },
  // No client at all, so its floor is the fixed baseline (32 KB): 292 KB is yaml, zod and the workset rules.
  'worksets/validate-yaml': { ceiling: 9.5, reason: `${YAML}; ${ZOD} (the workset schema is the work too)` },
  // 61 KB against the 32 KB baseline: the route table (12 KB), problem+json and path checks every route's chain carries; the document is 3 KB.
  'schemas/workset': { ceiling: 1.95, reason: 'the shared HTTP chain every route carries is most of its 61 KB' },
  // 228 KB against the 32 KB baseline: 180 KB is the OpenAPI document it serves (prebuilt JSON, nothing generated at init).
  'documents/openapi': { ceiling: 7.5, reason: 'the OpenAPI document it serves is the work: prebuilt JSON, no zod or generator' },
  'admin/rollout-start': { ceiling: 1.43, reason: ZOD },
  'usage/s3-object-events': { ceiling: 1.55, reason: STRAY_CLIENT },
};

/**
 * SDK clients a function bundles although its grants never call that
 * service, and the module that drags each in. They belong to the modules'
 * owners to split; until then they are known, not silent.
 */
const STRAY_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  // shared/customers/lifecycle.ts → provisioner.ts builds the CloudFormation client.
  'customers/deactivate': ['@aws-sdk/client-cloudformation'],
  'customers/activate': ['@aws-sdk/client-cloudformation'],
  'quotas/update': ['@aws-sdk/client-cloudformation'],
  // shared/customers/rollout.ts → provisioner.ts.
  'admin/rollout-get': ['@aws-sdk/client-cloudformation'],
  // shared/workset-lifecycle/state-changes.ts builds the S3 client for the cancel/ignore sentinel.
  'worksets/get': ['@aws-sdk/client-s3'],
  'worksets/set-state': ['@aws-sdk/client-s3'],
  'usage/s3-object-events': ['@aws-sdk/client-s3'],
};

const functions = everyFunction();
const floorKey = (services: readonly string[]) => services.join('+');
const bundles = new Map<string, BundleResult>();
const floors = new Map<string, BundleResult>();
let baseline: BundleResult;

beforeAll(async () => {
  const keys = [...new Set(functions.map((fn) => floorKey(floorClients(fn.grants))))];
  await Promise.all([
    (async () => {
      for (const [handler, result] of await bundleFunctions(functions)) bundles.set(handler, result);
    })(),
    ...keys.map(async (key) => floors.set(key, await bundle({ contents: floorSource(key ? key.split('+') : []) }))),
    (async () => {
      baseline = await bundle({ contents: BASELINE_SOURCE });
    })(),
  ]);
});

describe.each(functions.map((fn) => [fn.handler, fn] as const))('%s bundle', (handler, fn) => {
  const implied = clientPackages(floorClients(fn.grants));

  it(`is at most ${BUDGET}x its floor, or under its recorded ceiling when listed in OVER_BUDGET`, () => {
    const own = bundles.get(handler) as BundleResult;
    const floor = floors.get(floorKey(floorClients(fn.grants))) as BundleResult;
    const ratio = own.bytes / Math.max(floor.bytes, baseline.bytes);
    const exception = OVER_BUDGET[handler];

    expect(own.bytes).toBeGreaterThan(1000);
    expect(ratio).toBeLessThanOrEqual(exception?.ceiling ?? BUDGET);
    // A listed function within budget again must leave OVER_BUDGET.
    expect({ handler, overBudget: ratio > BUDGET }).toEqual({ handler, overBudget: exception !== undefined });
  });

  it('carries the SDK clients its grants imply and no other; none at all when it declares no table or service', () => {
    const bundled = bundledClientPackages((bundles.get(handler) as BundleResult).inputs);
    expect(bundled.filter((pkg) => !implied.includes(pkg))).toEqual([...(STRAY_CLIENTS[handler] ?? [])].sort());
    expect(implied.length === 0 ? bundled : []).toEqual([]);
  });

  it('carries no zod locale but English', () => {
    const inputs = (bundles.get(handler) as BundleResult).inputs;
    expect(inputs.filter((i) => i.includes('zod/v4/locales/') && !i.endsWith('/en.js'))).toEqual([]);
  });
});

describe('floors', () => {
  it('a floor builds its clients and nothing else; the baseline bundles no SDK client', () => {
    expect(floors.size).toBeGreaterThan(1);
    for (const [key, floor] of floors) expect(bundledClientPackages(floor.inputs)).toEqual(clientPackages(key ? key.split('+') : []).sort());
    expect(bundledClientPackages(baseline.inputs)).toEqual([]);
    expect(baseline.bytes).toBeGreaterThan(10_000);
  });

  it('the workset JSON Schema route loads neither zod nor the YAML library', () => {
    const inputs = (bundles.get('schemas/workset') as BundleResult).inputs;
    expect(inputs.filter((i) => i.includes('node_modules/zod/') || i.includes('node_modules/yaml/'))).toEqual([]);
  });

  it('the OpenAPI route serves the prebuilt document: no zod, no generator, no route schemas', () => {
    const inputs = (bundles.get('documents/openapi') as BundleResult).inputs;
    expect(inputs.filter((i) => /node_modules\/(zod|openapi-typescript|yaml)\//.test(i) || /shared\/openapi\/(document|sources)\.ts$/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('shared/openapi/openapi.json'))).toBe(true);
  });
});
