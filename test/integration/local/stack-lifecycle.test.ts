import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalStackInfo } from '#local/stack.ts';
import { emulatorsOf, eventually, killEverythingStarted, newStateDir, StackProcess } from './stack-process.ts';

/**
 * `npm start` as a developer lives with it: restarts, a taken port, an
 * emulator that dies, a failure half-way through start-up, Ctrl-C while it
 * starts. Each stack here is a real one with its state in a folder of its own.
 */

const mode = (path: string) => statSync(path).mode & 0o777;

async function adminIdToken(info: LocalStackInfo): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: info.cognito.endpoint,
    region: info.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const result = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: info.cognito.client_id,
      AuthParameters: { USERNAME: info.admin.email, PASSWORD: info.admin.password },
    }),
  );
  if (!result.AuthenticationResult?.IdToken) throw new Error('no ID token for the admin');
  return result.AuthenticationResult.IdToken;
}

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

afterAll(async () => {
  await killEverythingStarted();
});

describe('npm start, restarted on the same state folder', () => {
  const stateDir = newStateDir();
  let second: StackProcess | undefined;

  it('keeps its endpoints, so a token issued before the restart is still accepted', async () => {
    const first = new StackProcess(stateDir);
    const before = await first.ready();
    const token = await adminIdToken(before);
    expect(await first.stop()).toBe(0);
    expect(emulatorsOf(stateDir)).toEqual([]);
    // As earlier versions left them: readable by anyone.
    for (const file of ['stack.json', 'admin.json']) chmodSync(join(stateDir, file), 0o644);
    chmodSync(stateDir, 0o755);

    second = new StackProcess(stateDir);
    const after = await second.ready();

    expect(after.cognito.endpoint).toBe(before.cognito.endpoint);
    expect([after.dynamodb_endpoint, after.s3_endpoint, after.cloudformation_endpoint]).toEqual([
      before.dynamodb_endpoint,
      before.s3_endpoint,
      before.cloudformation_endpoint,
    ]);
    const me = await fetch(`${after.api_url}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(before.admin.email);
  }, 120_000);

  it('makes the files that hold secrets owner-only (0600) and the folder 0700, also when they were readable before', async () => {
    expect(second).toBeDefined();
    const running = second as StackProcess;
    await running.ready();
    expect(mode(join(stateDir, 'stack.json'))).toBe(0o600);
    expect(mode(join(stateDir, 'admin.json'))).toBe(0o600);
    expect(mode(stateDir)).toBe(0o700);
    expect(JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')).admin.password).toEqual(expect.any(String));
  });

  it('refuses a second stack on the same state folder, and leaves the first one running', async () => {
    const running = second as StackProcess;
    const intruder = new StackProcess(stateDir);

    expect(await intruder.exited).toBe(1);
    expect(intruder.printed).toContain(`Another local stack (pid ${running.process.pid}) is running with its data in ${stateDir}`);
    expect(intruder.printed).toContain('npm start -- --state-dir');
    expect(running.process.exitCode).toBeNull();
  }, 30_000);

  it('stops every other child and exits non-zero, naming the emulator, when one dies under it', async () => {
    const running = second as StackProcess;
    const info = await running.ready();
    const java = emulatorsOf(stateDir).find((p) => /\bjava\b/.test(p.args));
    expect(java).toBeDefined();

    process.kill((java as { pid: number }).pid, 'SIGKILL');

    expect(await running.exited).toBe(1);
    expect(running.printed).toContain('DynamoDB Local (java) stopped unexpectedly (killed by SIGKILL)');
    expect(await eventually(() => emulatorsOf(stateDir).length === 0)).toBe(true);
    await expect(fetch(`${info.cognito.endpoint}/health`)).rejects.toThrow();
  }, 30_000);
});

describe('npm start when start-up fails', () => {
  it('names a taken API port and how to choose another, and leaves no process behind', async () => {
    const held = await holdPort();
    const stateDir = newStateDir();
    try {
      const stack = new StackProcess(stateDir, ['--port', String(held.port)]);

      expect(await stack.exited).toBe(1);
      expect(stack.printed).toContain(`Port ${held.port} is already in use`);
      expect(stack.printed).toContain(`npm start -- --port ${held.port + 1}`);
      expect(stack.printed).toContain('npm start -- --port 0');
      expect(emulatorsOf(stateDir)).toEqual([]);
    } finally {
      held.server.close();
    }
  }, 30_000);

  it('stops DynamoDB Local when cognito-local cannot start, and says why', async () => {
    const stateDir = newStateDir();
    mkdirSync(join(stateDir, 'cognito', '.cognito', 'db'), { recursive: true });
    writeFileSync(join(stateDir, 'cognito', '.cognito', 'db', 'clients.json'), '{ not json');
    const stack = new StackProcess(stateDir);

    expect(await stack.exited).toBe(1);
    expect(stack.printed).toContain('cognito-local could not start');
    expect(stack.printed).toContain('corrupted');
    expect(await eventually(() => emulatorsOf(stateDir).length === 0, 2_000)).toBe(true);
  }, 60_000);

  it('stops every emulator when a later step fails (a damaged admin.json), and names the file', async () => {
    const stateDir = newStateDir();
    writeFileSync(join(stateDir, 'admin.json'), '{"email":');
    const stack = new StackProcess(stateDir);

    expect(await stack.exited).toBe(1);
    expect(stack.printed).toContain(`${join(stateDir, 'admin.json')} is damaged`);
    expect(await eventually(() => emulatorsOf(stateDir).length === 0, 2_000)).toBe(true);
  }, 60_000);

  it('when stopped while it starts, finishes stopping what it started before it exits', async () => {
    const stateDir = newStateDir();
    const stack = new StackProcess(stateDir);
    expect(await eventually(() => emulatorsOf(stateDir).some((p) => /\bjava\b/.test(p.args)), 30_000)).toBe(true);

    stack.process.kill('SIGTERM');

    expect(await stack.exited).toBe(0);
    expect(emulatorsOf(stateDir)).toEqual([]);
  }, 60_000);
});

describe('the remembered ports', () => {
  it('are replaced by free ones when taken, and the stack says so', async () => {
    const held = await holdPort();
    const stateDir = newStateDir();
    writeFileSync(join(stateDir, 'ports.json'), JSON.stringify({ cognito_front: held.port }));
    try {
      const stack = new StackProcess(stateDir);
      const info = await stack.ready();

      expect(stack.printed).toContain(`Port ${held.port} (cognito_front, remembered in ${join(stateDir, 'ports.json')}) is taken`);
      expect(stack.printed).toContain('tokens issued before this start are no longer accepted');
      expect(info.cognito.endpoint).not.toBe(`http://127.0.0.1:${held.port}`);
      expect(JSON.parse(readFileSync(join(stateDir, 'ports.json'), 'utf8')).cognito_front).toBe(Number(new URL(info.cognito.endpoint).port));
      expect(await stack.stop()).toBe(0);
    } finally {
      held.server.close();
    }
  }, 60_000);
});
