import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePorts, freePort, isPortFree, rememberPorts, StopWaiting, waitFor } from '#local/ports.ts';

const held: Server[] = [];
afterEach(() => {
  for (const server of held.splice(0)) server.close();
});

function hold(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    held.push(server);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

const portsFile = () => join(mkdtempSync(join(tmpdir(), 'portico-ports-')), 'ports.json');

describe('choosePorts', () => {
  it('reuses the remembered ports that are free', async () => {
    const file = portsFile();
    const [a, b] = [await freePort(), await freePort()];
    rememberPorts(file, { api_front: a, database: b });

    const choice = await choosePorts(file, ['api_front', 'database'] as const);

    expect(choice).toEqual({ ports: { api_front: a, database: b }, moved: [] });
  });

  it('replaces a remembered port that is taken, and reports it', async () => {
    const file = portsFile();
    const taken = await hold();
    rememberPorts(file, { front: taken });

    const choice = await choosePorts(file, ['front', 'back'] as const);

    expect(choice.ports.front).not.toBe(taken);
    expect(choice.moved).toEqual([{ name: 'front', remembered: taken, chosen: choice.ports.front }]);
    expect(await isPortFree(choice.ports.front)).toBe(true);
  });

  it('gives distinct ports, and new ones when nothing is remembered or the file is damaged', async () => {
    const file = portsFile();
    const same = await freePort();
    writeFileSync(join(file, '..', 'damaged.json'), '{ not json');

    const fromNothing = await choosePorts(file, ['a', 'b', 'c', 'd'] as const);
    const fromDamaged = await choosePorts(join(file, '..', 'damaged.json'), ['a'] as const);
    rememberPorts(file, { a: same, b: same });
    const fromDuplicates = await choosePorts(file, ['a', 'b'] as const);

    expect(new Set(Object.values(fromNothing.ports)).size).toBe(4);
    expect(fromNothing.moved).toEqual([]);
    expect(fromDamaged.moved).toEqual([]);
    expect(fromDuplicates.ports.a).toBe(same);
    expect(fromDuplicates.ports.b).not.toBe(same);
  });
});

describe('isPortFree', () => {
  it('tells a taken port from a free one', async () => {
    expect(await isPortFree(await hold())).toBe(false);
    expect(await isPortFree(await freePort())).toBe(true);
  });
});

describe('waitFor', () => {
  it('stops at once when the probe says waiting cannot help', async () => {
    const started = Date.now();
    let calls = 0;

    await expect(
      waitFor('thing', async () => {
        calls++;
        throw new StopWaiting('it exited');
      }),
    ).rejects.toThrow('it exited');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
