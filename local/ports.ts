import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether something could listen on 127.0.0.1:`port` right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface PortChoice<Name extends string> {
  readonly ports: Readonly<Record<Name, number>>;
  /** Remembered ports that were taken, and the port used instead. */
  readonly moved: readonly { readonly name: Name; readonly remembered: number; readonly chosen: number }[];
}

/**
 * One port per name: the one remembered in `file` (see `rememberPorts`) when
 * it is still free, a new free one otherwise. The ports are distinct.
 */
export async function choosePorts<Name extends string>(file: string, names: readonly Name[]): Promise<PortChoice<Name>> {
  const remembered = readRememberedPorts(file);
  const ports = {} as Record<Name, number>;
  const taken = new Set<number>();
  const moved: { name: Name; remembered: number; chosen: number }[] = [];
  for (const name of names) {
    const previous = remembered[name];
    if (previous !== undefined && !taken.has(previous) && (await isPortFree(previous))) {
      ports[name] = previous;
    } else {
      let port = await freePort();
      while (taken.has(port)) port = await freePort();
      ports[name] = port;
      if (previous !== undefined) moved.push({ name, remembered: previous, chosen: port });
    }
    taken.add(ports[name]);
  }
  return { ports, moved };
}

export function rememberPorts(file: string, ports: Readonly<Record<string, number>>): void {
  writeFileSync(file, `${JSON.stringify(ports, null, 2)}\n`);
}

function readRememberedPorts(file: string): Record<string, number | undefined> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, port]) => Number.isInteger(port) && port > 0 && port < 65536));
  } catch {
    // A damaged ports file only costs new ports (and tokens issued before).
    return {};
  }
}

/** Thrown by a `waitFor` probe when waiting longer cannot help (the process exited). */
export class StopWaiting extends Error {}

/** Retries `probe` until it resolves, for up to `timeoutMs`, or until it throws `StopWaiting`. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms: ${(lastError as Error)?.message}`);
}
