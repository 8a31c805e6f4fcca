/**
 * `npm run load`: a mixed workload from many tenants against the local stack
 * for a bounded time (reads, submissions at and over quota, cancels, the
 * runner finishing worksets, usage, YAML generation, uploads through
 * presigned URLs), then the invariants. Prints throughput, p50/p99 per route,
 * statuses and errors; exits 1 on any unexpected answer or broken invariant.
 * Not part of `npm test`. Options: `npm run load -- --help`.
 */
import './quiet-sdk.ts';
import { performance } from 'node:perf_hooks';
import { S3Client } from '@aws-sdk/client-s3';
import type { LocalStackInfo } from '#local/stack.ts';
import { LoadClient } from './http.ts';
import { checkInvariants } from './invariants.ts';
import { loadTarget } from './local-stack.ts';
import { loadOptions, UsageError, type LoadOptions } from './options.ts';
import { Recorder } from './recorder.ts';
import { levelReport, summary, type LevelResult } from './report.ts';
import { seedTenants } from './tenants.ts';
import { runWorkload } from './workload.ts';

async function main(options: LoadOptions): Promise<boolean> {
  const target = await loadTarget(options.stackFile);
  try {
    const results: LevelResult[] = [];
    for (const connections of options.connections) {
      const result = await runLevel(target.info, options, connections);
      console.log(`\n${levelReport(options, result)}\n`);
      results.push(result);
    }
    const passed = results.every((result) => result.passed);
    if (results.length > 1) console.log(`${summary(results)}\n`);
    if (!passed && target.logFile) console.log(`The local stack's log: ${target.logFile}\n`);
    console.log(passed ? 'PASS' : 'FAIL');
    return passed;
  } finally {
    await target.stop();
  }
}

/** One concurrency level: its own tenants, warm-up, the measured load, then the invariants. */
async function runLevel(info: LocalStackInfo, options: LoadOptions, connections: number): Promise<LevelResult> {
  // One socket per virtual user to each origin (the gateway, the S3 front), plus a few for the invariant reads.
  const client = new LoadClient(connections + 5);
  try {
    console.log(`Seeding ${options.tenants} tenants on ${info.api_url} ...`);
    const tenants = await seedTenants(info, client, options.tenants, options.slots);
    const s3 = new S3Client({ endpoint: info.s3_endpoint, region: info.region, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const warmup = new Recorder();
    const measured = new Recorder();
    const context = { info, client, s3, recorder: warmup };

    console.log(`Load: ${connections} connections for ${options.warmupSeconds} s of warm-up, then ${options.durationSeconds} s measured ...`);
    await runWorkload(context, tenants, connections, performance.now() + options.warmupSeconds * 1000);
    context.recorder = measured;
    const started = performance.now();
    await runWorkload(context, tenants, connections, started + options.durationSeconds * 1000);
    const elapsedSeconds = (performance.now() - started) / 1000;

    console.log('Checking the invariants ...');
    const invariants = await checkInvariants(info, client, tenants, options.settleSeconds);
    const passed = measured.errors + warmup.errors === 0 && invariants.violations.size === 0;
    return { connections, measured, warmup, elapsedSeconds, invariants, passed };
  } finally {
    await client.close();
  }
}

try {
  process.exitCode = (await main(loadOptions(process.argv.slice(2), process.env))) ? 0 : 1;
} catch (error) {
  if (error instanceof UsageError) {
    (error.asked ? console.log : console.error)(error.message);
    process.exitCode = error.asked ? 0 : 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
