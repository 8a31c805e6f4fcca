/**
 * `npm run bench`, cold-start part: every function (each route of
 * shared/routes/table.ts and each event function of
 * shared/routes/event-functions.ts) bundled as CDK bundles it, against its
 * floor, a function that only builds the SDK clients its grants imply
 * (test/support/function-bundles.ts), measured in the same run:
 *
 * - bundle: minified size; goal at most 1.25x the floor's;
 * - init: importing the bundle in a fresh `node` (the functions' NODE_OPTIONS,
 *   their environment), median of 7; goal at most 1.15x the floor's.
 *   Functions and floors are timed in turns, so a busy machine slows both alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUNCTION_NODE_OPTIONS } from '#lib/constructs/function-bundling.ts';
import {
  BASELINE_SOURCE,
  bundle,
  bundleFunction,
  everyFunction,
  floorClients,
  floorSource,
  functionEnvironment,
  type BundleResult,
} from '#test/support/function-bundles.ts';

const SAMPLES = Number(process.env.BENCH_COLD_START_SAMPLES ?? 7);
const BUNDLE_BUDGET = 1.25;
const INIT_BUDGET = 1.15;

const IMPORT_TIMER =
  'const s = performance.now(); await import(process.env.BENCH_BUNDLE_URL); process.stdout.write(String(performance.now() - s)); process.exit(0);';

/** Milliseconds to import one bundle in a fresh node process. */
function initMs(bundle: BundleResult, env: NodeJS.ProcessEnv): number {
  const run = spawnSync(process.execPath, [...FUNCTION_NODE_OPTIONS.split(' '), '--input-type=module', '-e', IMPORT_TIMER], {
    env: { ...env, BENCH_BUNDLE_URL: pathToFileURL(bundle.file).href },
    encoding: 'utf8',
  });
  const ms = Number(run.stdout);
  if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`importing ${bundle.file} failed:\n${run.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'portico-cold-start-'));
try {
  const functions = everyFunction();
  const floorKeys = [...new Set(functions.map((fn) => floorClients(fn.grants).join('+')))];

  // Bundled in parallel (esbuild spreads the work over the cores), timed one at a time.
  const [fnBundles, floorBundles, baseline] = await Promise.all([
    Promise.all(functions.map((fn, i) => bundleFunction(fn, join(dir, `fn-${i}`)))),
    Promise.all(floorKeys.map((key, i) => bundle({ contents: floorSource(key ? key.split('+') : []) }, join(dir, `floor-${i}`)))),
    bundle({ contents: BASELINE_SOURCE }, join(dir, 'baseline')),
  ]);
  const bundled = performance.now();

  const env = { ...process.env, ...functionEnvironment() };
  const targets = [...fnBundles, ...floorBundles, baseline];
  const samples = targets.map((): number[] => []);
  for (let round = 0; round < SAMPLES; round += 1) {
    targets.forEach((target, i) => samples[i]?.push(initMs(target, env)));
  }
  const init = samples.map(median);
  const baselineInit = init[targets.length - 1] as number;

  const rows = functions.map((fn, i) => {
    const own = fnBundles[i] as BundleResult;
    const floorIndex = floorKeys.indexOf(floorClients(fn.grants).join('+'));
    const floor = floorBundles[floorIndex] as BundleResult;
    const floorBytes = Math.max(floor.bytes, baseline.bytes);
    const floorInit = Math.max(init[fnBundles.length + floorIndex] as number, baselineInit);
    const ownInit = init[i] as number;
    return {
      fn,
      clients: floorKeys[floorIndex] || '(none)',
      bytes: own.bytes,
      floorBytes,
      bytesRatio: own.bytes / floorBytes,
      init: ownInit,
      floorInit,
      initRatio: ownInit / floorInit,
    };
  });

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const header = ['function', 'floor clients', 'bundle', 'floor', 'ratio', 'init ms', 'floor ms', 'ratio', ''];
  const lines = rows.map((r) => [
    r.fn.handler,
    r.clients,
    kb(r.bytes),
    kb(r.floorBytes),
    `${r.bytesRatio.toFixed(2)}x`,
    r.init.toFixed(1),
    r.floorInit.toFixed(1),
    `${r.initRatio.toFixed(2)}x`,
    [r.bytesRatio > BUNDLE_BUDGET ? 'BUNDLE OVER' : '', r.initRatio > INIT_BUDGET ? 'INIT OVER' : ''].filter(Boolean).join(', '),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => (l[c] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, c) => (c >= 2 && c <= 7 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();

  console.log(`\nCold start: bundle (goal <= ${BUNDLE_BUDGET}x floor) and module init (goal <= ${INIT_BUDGET}x floor, median of ${SAMPLES} fresh processes)`);
  console.log(`baseline (middy, its HTTP middlewares and the logger: the floor of a function with no client): ${kb(baseline.bytes)}, ${baselineInit.toFixed(1)} ms\n`);
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  const bundleMisses = rows.filter((r) => r.bytesRatio > BUNDLE_BUDGET);
  const initMisses = rows.filter((r) => r.initRatio > INIT_BUDGET);
  const worst = (key: 'bytesRatio' | 'initRatio') => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
  console.log(
    `\n${rows.length} functions: ${bundleMisses.length} over the bundle budget, ${initMisses.length} over the init budget; ` +
      `worst bundle ${worst('bytesRatio').fn.handler} ${worst('bytesRatio').bytesRatio.toFixed(2)}x, ` +
      `worst init ${worst('initRatio').fn.handler} ${worst('initRatio').initRatio.toFixed(2)}x ` +
      `(bundled in ${((bundled - started) / 1000).toFixed(1)} s, timed in ${((performance.now() - bundled) / 1000).toFixed(1)} s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
