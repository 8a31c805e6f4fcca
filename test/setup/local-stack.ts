import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import type { LocalStackInfo } from '#local/stack.ts';
import { declaredGrants, integrationTestFiles, relativeToRoot, unusedGrants } from './grant-coverage.ts';

export const MEMBERSHIP_CACHE_SECONDS_IN_TESTS = 2;
export const UPLOAD_MULTIPART_THRESHOLD_IN_TESTS = 16 * 1024 * 1024;
/** Rates the billing export tests compute their expected rows with (no shared cost: every test's requests would share it). */
export const BILLING_RATES_IN_TESTS = { storage_gb_month_usd: 0.023, run_usd: 2.5, compute_hour_usd: 0.8, api_1000_requests_usd: 0.05, plan_monthly_usd: { standard: 10 } };

declare module 'vitest' {
  export interface ProvidedContext {
    localStack: LocalStackInfo;
  }
}

/**
 * Boots the same local stack `npm start` runs (ephemeral, free ports) in a
 * child process, and hands its stack.json to the tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--ephemeral', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
      // Short, so the test that a removed membership stops passing within the bound runs fast.
      MEMBERSHIP_CACHE_SECONDS: String(MEMBERSHIP_CACHE_SECONDS_IN_TESTS),
      // Small multipart settings so a 20 MiB file exercises the multipart flow.
      UPLOAD_MULTIPART_THRESHOLD_BYTES: String(UPLOAD_MULTIPART_THRESHOLD_IN_TESTS),
      UPLOAD_MIN_PART_BYTES: String(5 * 1024 * 1024),
      BILLING_RATES: JSON.stringify(BILLING_RATES_IN_TESTS),
      // Sweeps run when a test asks (control_url), never on a timer in the middle of one.
      LOCAL_SCHEDULE_SECONDS: '0',
    },
  });
  const stackFile = await waitForReady(child);
  const info = JSON.parse(readFileSync(stackFile, 'utf8')) as LocalStackInfo;
  project.provide('localStack', info);
  return async () => {
    const used = await fetch(`${info.control_url}/permissions/used`).then((r) => r.json() as Promise<Record<string, string[]>>);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    assertEveryGrantUsed(project, used);
  };
}

/**
 * After a run of the whole integration suite (not of a few files), every
 * granted action must have been called by its function (see grant-coverage.ts).
 */
function assertEveryGrantUsed(project: TestProject, used: Record<string, string[]>): void {
  const ran = new Set(project.vitest.state.getFiles().map((file) => relativeToRoot(file.filepath)));
  if (!integrationTestFiles().every((file) => ran.has(file))) return;
  const unused = unusedGrants(declaredGrants(), used);
  if (unused.length > 0) {
    // vitest reports an error thrown here but still exits 0; the exit code is what CI reads.
    process.exitCode = 1;
    console.error(
      `\nGranted but never called by the integration suite (grant exactly what the code calls, or cover the path with a test):\n- ${unused.join('\n- ')}\n`,
    );
  }
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`local stack not ready after 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY \S+ (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining so the child never blocks on a full pipe; show errors.
        child.stdout?.resume();
        child.stderr?.on('data', (c: Buffer) => process.stderr.write(`[local-stack] ${c.toString()}`));
        resolve(ready[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`local stack exited with ${code}:\n${output}`)));
  });
}
