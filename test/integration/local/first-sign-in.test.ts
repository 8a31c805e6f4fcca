import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminDisableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { freePort } from '#local/ports.ts';
import { activeCustomer, adminToken, api, createTestUser, localStack } from '#test/support/local-stack.ts';

/**
 * A new user's first hour on the local stack: invited through the API, the
 * invitation read from the mail folder, the first sign-in completed with
 * `npm run token -- --new-password`, then the API called with that token.
 */

const stackFile = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'portico-token-')), 'stack.json');
  return () => {
    writeFileSync(file, JSON.stringify(localStack()));
    return file;
  };
})();

/** `npm run token -- ...args` against the stack of the tests (or the stack file given). */
function token(args: string[], file = stackFile()): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/token.ts', ...args],
      { env: { ...process.env, PORTICO_STACK_FILE: file } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() }),
    );
  });
}

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

async function invite(email: string): Promise<string> {
  const customer = await activeCustomer();
  const added = await api('POST', `/customers/${customer.customer_id}/users`, { token: await adminToken(), body: { email, role: 'member' } });
  expect(added.status).toBe(201);
  return customer.customer_id as string;
}

function invitationFor(email: string): { path: string; text: string } {
  const names = readdirSync(localStack().mail_dir).filter((name) => name.startsWith(`${email}--`) && name.endsWith('--invitation.txt'));
  expect(names).toHaveLength(1);
  const path = join(localStack().mail_dir, names[0] as string);
  return { path, text: readFileSync(path, 'utf8') };
}

describe("a new user's first sign-in on the local stack", () => {
  it('gets the invitation as a file named by recipient, holding the temporary password as Cognito words it', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.com`;

    await invite(email);

    const { path, text } = invitationFor(email);
    expect(path).toMatch(new RegExp(`/${email}--\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z--invitation\\.txt$`));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const temporaryPassword = /^Temporary-Password: (\S+)$/m.exec(text)?.[1];
    expect(temporaryPassword).toBeDefined();
    expect(text).toContain(`To: ${email}\n`);
    expect(text).toContain('Subject: Your temporary password\n');
    expect(text).toMatch(new RegExp(`\\n\\nYour username is \\S+ and temporary password is ${temporaryPassword?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\n$`));
  });

  it('signs in with the temporary password and a new one, and calls the API with the token', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.com`;
    const customerId = await invite(email);
    const temporaryPassword = /^Temporary-Password: (\S+)$/m.exec(invitationFor(email).text)?.[1] ?? '';

    const withoutNewPassword = await token([email, temporaryPassword]);
    expect(withoutNewPassword.code).toBe(1);
    expect(withoutNewPassword.stdout).toBe('');
    expect(withoutNewPassword.stderr).toContain('must choose a new password');
    expect(withoutNewPassword.stderr).toContain(`npm run token -- ${email} '${temporaryPassword}' --new-password '<new password>'`);

    const completed = await token([email, temporaryPassword, '--new-password', 'My-own-password-1!']);
    expect(completed.code).toBe(0);
    expect(claims(completed.stdout)).toMatchObject({ email, token_use: 'id' });
    const me = await api('GET', '/me', { token: completed.stdout });
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([expect.objectContaining({ customer_id: customerId, role: 'member' })]);

    const access = await token([email, 'My-own-password-1!', '--access']);
    expect(access.code).toBe(0);
    expect(claims(access.stdout)).toMatchObject({ token_use: 'access' });
  });
});

describe('npm run token, when it gives no token', () => {
  it('says which: a wrong temporary password, a new password the policy refuses, a wrong password, an unknown user', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.com`;
    await invite(email);
    const temporaryPassword = /^Temporary-Password: (\S+)$/m.exec(invitationFor(email).text)?.[1] ?? '';
    const confirmed = await createTestUser();

    const [wrongTemporary, weak, wrong, unknown] = await Promise.all([
      token([email, 'not-it', '--new-password', 'My-own-password-1!']),
      token([email, temporaryPassword, '--new-password', 'short']),
      token([confirmed.email, 'Not-the-password-1!']),
      token([`nobody-${randomUUID().slice(0, 8)}@example.com`, 'Any-password-1!']),
    ]);

    expect(wrongTemporary).toMatchObject({ code: 1, stdout: '' });
    expect(wrongTemporary.stderr).toContain(`Wrong password for ${email}. At first sign-in, use the temporary password from the invitation in ${localStack().mail_dir}`);
    expect(weak).toMatchObject({ code: 1, stdout: '' });
    expect(weak.stderr).toContain('The new password was refused: Password does not conform to policy: Password not long enough');
    expect(weak.stderr).toContain('Passwords need at least 12 characters');
    expect(wrong).toMatchObject({ code: 1, stdout: '', stderr: `Wrong password for ${confirmed.email}.` });
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^No user nobody-\S+ in the local user pool\./);
  });

  it('says a disabled user cannot sign in', async () => {
    const user = await createTestUser();
    const cognito = new CognitoIdentityProviderClient({
      endpoint: localStack().cognito.endpoint,
      region: localStack().region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: user.userId }));

    const result = await token([user.email, user.password]);

    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`${user.email} is disabled and cannot sign in`);
  });

  it('says when there is no stack, or it is not running, and on bad usage shows how to call it', async () => {
    const stopped = join(mkdtempSync(join(tmpdir(), 'portico-token-')), 'stack.json');
    writeFileSync(stopped, JSON.stringify({ ...localStack(), cognito: { ...localStack().cognito, endpoint: `http://127.0.0.1:${await freePort()}` } }));

    const [missing, notRunning, usage] = await Promise.all([
      token(['a@example.com', 'pw'], join(tmpdir(), `no-such-${randomUUID()}`, 'stack.json')),
      token(['a@example.com', 'pw'], stopped),
      token(['only-an-email@example.com']),
    ]);

    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^No local stack found: \S+ does not exist\. Start one with `npm start`/);
    expect(notRunning).toMatchObject({ code: 1, stdout: '' });
    expect(notRunning.stderr).toMatch(/^The local stack is not running: nothing answers at http:\/\/127\.0\.0\.1:\d+ .*Start it with `npm start`\./);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(usage.stderr).toContain('usage: npm run token -- EMAIL PASSWORD [--new-password NEW_PASSWORD] [--access]');
  });
});
