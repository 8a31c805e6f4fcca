import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStackInfo } from '#local/stack.ts';

export interface LoadTarget {
  readonly info: LocalStackInfo;
  /** Where the booted stack's stderr goes (its function errors), if this run booted it. */
  readonly logFile?: string;
  stop(): Promise<void>;
}

/**
 * The stack under load: a running one named by its stack.json, or the same
 * ephemeral stack the integration tests boot (`local/start.ts --ephemeral
 * --port 0`), in a child process so the load generator does not share its
 * event loop with the gateway it measures.
 */
export async function loadTarget(stackFile: string | undefined): Promise<LoadTarget> {
  if (stackFile) return { info: JSON.parse(readFileSync(stackFile, 'utf8')) as LocalStackInfo, stop: async () => undefined };
  const logFile = join(mkdtempSync(join(tmpdir(), 'portico-load-')), 'local-stack.log');
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--ephemeral', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
      // Sweeps run when the invariant check asks, never on a timer in the middle of the load.
      LOCAL_SCHEDULE_SECONDS: '0',
    },
  });
  const file = await readyStackFile(child, logFile);
  return {
    info: JSON.parse(readFileSync(file, 'utf8')) as LocalStackInfo,
    logFile,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function readyStackFile(child: ChildProcess, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`local stack not ready after 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY \S+ (\S+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining so the child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.off('data', onStartupError);
      child.stderr?.pipe(createWriteStream(logFile));
      resolve(ready[1] as string);
    };
    const onStartupError = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onStartupError);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local stack exited with ${code}:\n${output}`));
    });
  });
}
