import { randomUUID } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCustomer, createTestUser, localStack, signIn } from '../../support/local-stack.ts';
import { CliHarness, temporaryPassword, totp } from './cli-harness.ts';

const cognito = () => new CognitoIdentityProviderClient({ endpoint: localStack().cognito.endpoint, region: localStack().region });

/** Turns on authenticator-app MFA for a user, as the user would; answers the secret. */
async function enableTotp(email: string, password: string): Promise<string> {
  const { accessToken } = await signIn(email, password);
  const { SecretCode } = await cognito().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  const secret = SecretCode as string;
  await cognito().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totp(secret) }));
  await cognito().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return secret;
}

describe('portico login', () => {
  const admin = new CliHarness();
  beforeAll(() => admin.signedInAsAdmin());
  afterAll(() => admin.remove());

  it('takes the new-password step of a first sign-in, and the default customer from /me', async () => {
    const customer = await activeCustomer();
    const email = `ada-${randomUUID().slice(0, 8)}@acme.example`;
    expect((await admin.run(['users', 'add', email, '--role', 'admin', '--customer', customer.customer_id])).code).toBe(0);
    const ada = new CliHarness();

    const refused = await ada.login(email, temporaryPassword(email));
    const login = await ada.login(email, temporaryPassword(email), '--new-password', 'Ada-Lovelace-1815!');
    const users = await ada.run(['users', 'list', '--json']);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('must choose a new password');
    expect(refused.stderr).toContain('--new-password');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Signed in to ${localStack().api_url} as ${email}.`);
    // Where the password went, said before it was asked for.
    expect(login.stderr).toContain(`Signing in at ${localStack().cognito.endpoint} (app client ${localStack().cognito.client_id}) for ${localStack().api_url}`);
    expect(users.code).toBe(0);
    expect(JSON.parse(users.stdout).users).toEqual([expect.objectContaining({ email, role: 'admin', customer_id: customer.customer_id })]);
    ada.remove();
  });

  it('takes the authenticator code of a user with TOTP MFA', async () => {
    const user = await createTestUser();
    const secret = await enableTotp(user.email, user.password);
    const cli = new CliHarness();

    const wrong = await cli.login(user.email, user.password, '--totp', totp(secret, Date.now() - 10 * 60_000));
    const right = await cli.login(user.email, user.password, '--totp', totp(secret));
    const noCode = await cli.login(user.email, user.password);

    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Error: The authenticator code was refused');
    expect(right.code).toBe(0);
    expect(cli.credentials().apis[localStack().api_url]?.username).toBe(user.email);
    expect(noCode.code).toBe(2);
    expect(noCode.stderr).toContain('pass --totp');
    cli.remove();
  });

  it('refreshes an ID token about to expire, and asks for a login when the refresh fails', async () => {
    const cli = new CliHarness();
    expect((await cli.loginAsAdmin()).code).toBe(0);
    const url = localStack().api_url;
    const cached = cli.credentials();
    const soon = new Date(Date.now() + 30_000).toISOString();
    cli.writeCredentials({ ...cached, apis: { [url]: { ...cached.apis[url], expires_at: soon } } });

    const refreshed = await cli.run(['plans', 'list', '--json']);

    expect(refreshed.code).toBe(0);
    expect(Date.parse(cli.credentials().apis[url]?.expires_at ?? '')).toBeGreaterThan(Date.parse(soon));

    cli.writeCredentials({ ...cached, apis: { [url]: { ...cached.apis[url], expires_at: soon, refresh_token: 'revoked-or-forged' } } });
    const expired = await cli.run(['plans', 'list']);

    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/^Error: The sign-in of .+ expired and could not be refreshed \(.+\): run portico login/);
    cli.remove();
  });

  it('logout revokes the refresh token and deletes the cached tokens', async () => {
    const cli = new CliHarness();
    expect((await cli.loginAsAdmin()).code).toBe(0);
    const refreshToken = cli.credentials().apis[localStack().api_url]?.refresh_token as string;

    const logout = await cli.run(['logout']);
    const after = await cli.run(['customers', 'list']);

    expect(logout.code).toBe(0);
    expect(cli.credentials().apis).toEqual({});
    await expect(
      cognito().send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: localStack().cognito.client_id, AuthParameters: { REFRESH_TOKEN: refreshToken } })),
    ).rejects.toThrow();
    expect(after.code).toBe(1);
    expect(after.stderr).toBe(`Error: Not signed in: run portico login (API ${localStack().api_url})\n`);
    cli.remove();
  });
});
