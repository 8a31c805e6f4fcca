import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStackInfo } from '#local/stack.ts';

/**
 * `npm start` as a child process of the test, with its state in a folder of
 * its own, so the processes it starts can be found by that folder's path.
 */
export class StackProcess {
  readonly process: ChildProcess;
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly stateDir: string,
    args: readonly string[] = ['--port', '0'],
  ) {
    this.process = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--state-dir', stateDir, '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    });
    this.process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    started.add(this);
  }

  /** Everything it printed, stdout and stderr. */
  get printed(): string {
    return this.output;
  }

  /** Resolves with stack.json once it prints READY; rejects if it exits first. */
  async ready(timeoutMs = 60_000): Promise<LocalStackInfo> {
    const deadline = Date.now() + timeoutMs;
    while (!/READY \S+ \S+/.test(this.output)) {
      if (this.process.exitCode !== null) throw new Error(`the stack exited with ${this.process.exitCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the stack was not ready after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return JSON.parse(readFileSync(join(this.stateDir, 'stack.json'), 'utf8')) as LocalStackInfo;
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGTERM');
    return this.exited;
  }
}

const started = new Set<StackProcess>();
const stateDirs = new Set<string>();

export function newStateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-stack-'));
  stateDirs.add(dir);
  return dir;
}

/** Processes whose command line mentions `text` (a state folder), other than the stack itself. */
export function processesMentioning(text: string): { pid: number; args: string }[] {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] ?? '' }))
    .filter((p) => p.args.includes(text) && !p.args.includes('local/start.ts') && p.pid !== process.pid);
}

/** The emulators a stack with this state folder started: DynamoDB Local's java and cognito-local. */
export function emulatorsOf(stateDir: string): { pid: number; args: string }[] {
  return processesMentioning(stateDir).filter((p) => /\bjava\b|cognito-launcher/.test(p.args));
}

/** Waits up to `timeoutMs` for `check` to hold; returns whether it did. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** Kills every stack the tests started, and whatever they left behind, whatever the tests' outcome; removes their state. */
export async function killEverythingStarted(): Promise<void> {
  for (const stack of started) {
    if (stack.process.exitCode === null && stack.process.signalCode === null) stack.process.kill('SIGKILL');
    for (const leftover of processesMentioning(stack.stateDir)) {
      try {
        process.kill(leftover.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  started.clear();
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
  stateDirs.clear();
}
