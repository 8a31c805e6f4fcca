import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ChildProcesses, describeExit, type ChildExit } from '#local/emulators/child-processes.ts';

const node = (script: string) => spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
const running = (pid: number | undefined) => {
  try {
    process.kill(pid ?? -1, 0);
    return true;
  } catch {
    return false;
  }
};

describe('ChildProcesses', () => {
  it('reports a child that exits unasked, with its name, how it ended and what it last wrote', async () => {
    const children = new ChildProcesses();
    const keeps = node('setInterval(() => {}, 1000)');
    children.add('keeper', keeps);
    children.add('crasher', node('process.stderr.write("boom: disk full\\n"); setTimeout(() => process.exit(3), 100)'));

    const exit = await new Promise<ChildExit>((resolve) => children.onUnexpectedExit(resolve));
    await children.stopAll();

    expect(exit).toEqual({ name: 'crasher', code: 3, signal: null, output: 'boom: disk full' });
    expect(describeExit(exit)).toBe('exit code 3');
    expect(children.unexpectedExit).toEqual(exit);
    expect(running(keeps.pid)).toBe(false);
  });

  it('stops every child, waiting until each is gone, without reporting those exits', async () => {
    const children = new ChildProcesses();
    const reported: ChildExit[] = [];
    children.onUnexpectedExit((exit) => reported.push(exit));
    const first = node('setInterval(() => {}, 1000)');
    // Ignores SIGTERM: only SIGKILL, after the grace period, ends it.
    const stubborn = node('process.on("SIGTERM", () => {}); process.stderr.write("ready"); setInterval(() => {}, 1000)');
    await new Promise((resolve) => stubborn.stderr?.once('data', resolve));
    children.add('first', first);
    children.add('stubborn', stubborn);

    await children.stopAll(300);

    expect([first.exitCode ?? first.signalCode, stubborn.signalCode]).toEqual(['SIGTERM', 'SIGKILL']);
    expect(reported).toEqual([]);
  });

  it('reports a child that had already exited when added', async () => {
    const children = new ChildProcesses();
    const gone = node('process.exit(7)');
    await new Promise((resolve) => gone.once('exit', resolve));

    children.add('gone', gone);

    expect(children.unexpectedExit).toMatchObject({ name: 'gone', code: 7 });
    await children.stopAll();
  });
});
