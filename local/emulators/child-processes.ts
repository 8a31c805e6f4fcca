import type { ChildProcess } from 'node:child_process';

export interface ChildExit {
  /** What the child was, as a person reads it: "DynamoDB Local (java)". */
  readonly name: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last lines it wrote to stderr, when it was piped. */
  readonly output: string;
}

const OUTPUT_TAIL_CHARS = 4000;

/**
 * The emulator processes of one local stack. An exit nobody asked for is
 * reported (the stack cannot run without them); `stopAll` ends every one and
 * waits until each has gone; and if this process exits any other way (an
 * error, `process.exit`), the children get SIGTERM on the way out instead of
 * being left running.
 */
export class ChildProcesses {
  private readonly children = new Map<ChildProcess, string>();
  private readonly outputs = new Map<ChildProcess, string>();
  private readonly exitListeners: ((exit: ChildExit) => void)[] = [];
  private stopping = false;
  private firstUnexpectedExit?: ChildExit;
  private readonly killOnExit = () => {
    for (const child of this.alive()) child.kill('SIGTERM');
  };

  constructor() {
    process.on('exit', this.killOnExit);
  }

  add(name: string, child: ChildProcess): void {
    this.children.set(child, name);
    child.stderr?.on('data', (chunk: Buffer) => {
      this.outputs.set(child, ((this.outputs.get(child) ?? '') + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
    });
    const exited = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.stopping) return;
      const exit = { name, code, signal, output: (this.outputs.get(child) ?? '').trim() };
      this.firstUnexpectedExit ??= exit;
      for (const listener of this.exitListeners) listener(exit);
    };
    if (child.exitCode !== null || child.signalCode !== null) exited(child.exitCode, child.signalCode);
    else child.once('exit', exited);
  }

  /** Calls `listener` when a child exits before `stopAll`. */
  onUnexpectedExit(listener: (exit: ChildExit) => void): void {
    if (this.firstUnexpectedExit) listener(this.firstUnexpectedExit);
    else this.exitListeners.push(listener);
  }

  /** The first child that exited unasked, if one did. */
  get unexpectedExit(): ChildExit | undefined {
    return this.firstUnexpectedExit;
  }

  /** SIGTERM to each child, SIGKILL to those still there after `graceMs`; resolves when all are gone. */
  async stopAll(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.alive().map(
        (child) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    process.off('exit', this.killOnExit);
  }

  private alive(): ChildProcess[] {
    return [...this.children.keys()].filter((child) => child.exitCode === null && child.signalCode === null);
  }
}

export function describeExit(exit: ChildExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
