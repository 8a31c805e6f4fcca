import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api } from '../../support/local-stack.ts';
import { CliHarness } from './cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The real bin, as `npx portico` runs it. */
function spawnBin(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/bin.mjs', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('portico on failure', () => {
  const cli = new CliHarness();
  beforeAll(() => cli.signedInAsAdmin());
  afterAll(() => cli.remove());

  it("exits 1 with the API problem's title and detail", async () => {
    const problem = await api('GET', '/customers/no-such-customer-0000abcd', { token: await adminToken() });

    const shown = await cli.run(['customers', 'show', 'no-such-customer-0000abcd']);

    expect(problem.status).toBe(404);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toBe('');
    expect(shown.stderr).toBe(`Error: ${problem.body.title}: ${problem.body.detail}\n`);
  });

  it('lists the field errors of a 400, one per line', async () => {
    const refused = await cli.run(['customers', 'create', '--name', 'Bad Email Co', '--email', 'not-an-email', '--billing-account', 'BA 1', '--cost-center', 'CC-1']);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: [^:\n]+: .+\n/);
    expect(refused.stderr).toContain('\n  email: must be an email address');
    expect(refused.stderr).toContain('\n  billing_account_id: must be 1-64 letters');
  });

  it('exits 2 on a usage error, before any request', async () => {
    const missing = await cli.run(['customers', 'create', '--email', 'a@b.example']);
    const badChoice = await cli.run(['customers', 'list', '--status', 'HAPPY']);
    const noConfirm = await cli.run(['customers', 'offboard', 'acme-genomics-0000abcd']);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Error: required option '--name <name>' not specified");
    expect(badChoice.code).toBe(2);
    expect(noConfirm.code).toBe(2);
    expect(noConfirm.stderr).toContain('Missing --confirm <customer-id>');
  });

  it('runs as the bin: --help exits 0, a failing command exits 1', async () => {
    const env = { PORTICO_CONFIG_DIR: `${cli.dir}/empty-config`, PORTICO_STACK_FILE: cli.stackFile };
    const [help, failing] = await Promise.all([spawnBin(['--help'], env), spawnBin(['customers', 'list'], env)]);

    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: portico [options] [command]');
    expect(help.stdout).toContain('ApiUrl');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^Error: Not signed in: run portico login \(API http:\/\/127\.0\.0\.1:\d+\)\n$/);
  });
});
