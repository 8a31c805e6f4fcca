import type { Command } from 'commander';
import { cognitoClient, endpointOf, revoke, signIn } from '../auth/cognito.ts';
import { readStdin } from '../auth/prompter.ts';
import type { Context } from '../context.ts';
import { UsageError } from '../output/errors.ts';

interface LoginOptions {
  readonly username?: string;
  readonly passwordStdin?: boolean;
  readonly newPassword?: string;
  readonly totp?: string;
}

export function registerAuth(program: Command, contexts: (command: Command) => Context): void {
  program
    .command('login')
    .description('sign in with a Cognito username (email) and password; tokens are cached for this API URL')
    .option('--username <email>', 'the user to sign in as (prompted for when omitted)')
    .option('--password-stdin', 'read the password from stdin (for scripts)')
    .option('--new-password <password>', 'at a first sign-in, the permanent password to set (prompted for when omitted)')
    .option('--totp <code>', 'the authenticator code, for users with MFA (prompted for when omitted)')
    .addHelpText('after', '\nExample: echo "$PASSWORD" | portico login --username admin@portico.local --password-stdin')
    .action(async (options: LoginOptions, command: Command) => login(contexts(command), options));

  program
    .command('logout')
    .description('revoke the refresh token (best effort) and delete the cached tokens for this API URL')
    .action(async (_options: unknown, command: Command) => logout(contexts(command)));
}

async function login(context: Context, options: LoginOptions): Promise<void> {
  const { apiUrl, cognito } = context.endpoints();
  if (!cognito) {
    throw new UsageError(`No user pool for ${apiUrl}: pass --client-id and --region (the deployment's UserPoolClientId output and its region)`);
  }
  const prompter = context.prompter();
  const ask = (what: string, flag: string, question: (p: NonNullable<typeof prompter>) => Promise<string>) => {
    if (!prompter) throw new UsageError(`${what} is needed: pass ${flag} (stdin is not a terminal, so portico cannot ask)`);
    return question(prompter);
  };
  // Says where the password goes before asking for it.
  context.io.stderr.write(`Signing in at ${cognito.endpoint ?? `Cognito ${cognito.region}`} (app client ${cognito.clientId}) for ${apiUrl}\n`);
  const username = options.username ?? (await ask('A username', '--username', (p) => p.text('Username (email)')));
  const password = options.passwordStdin
    ? await readStdin(context.io.stdin)
    : await ask('A password', '--password-stdin', (p) => p.secret(`Password for ${username}`));
  if (password === '') throw new UsageError('The password is empty');

  const tokens = await signIn(cognitoClient(cognito), cognito, {
    username,
    password,
    newPassword: async () =>
      options.newPassword ??
      ask(`${username} signs in for the first time and must choose a new password; it`, '--new-password', async (p) => {
        context.note(`${username} signs in for the first time: choose a new password.`);
        const first = await p.secret('New password');
        if ((await p.secret('New password again')) !== first) throw new UsageError('The two new passwords differ');
        return first;
      }),
    totp: async () => options.totp ?? ask('An authenticator code', '--totp', (p) => p.text('Authenticator code')),
  });
  const store = context.credentials();
  store.put(apiUrl, tokens);
  context.printer.result({ api_url: apiUrl, username, expires_at: tokens.expires_at, credentials_file: store.file }, () => `Signed in to ${apiUrl} as ${username}.`);
}

async function logout(context: Context): Promise<void> {
  const { apiUrl } = context.endpoints();
  const store = context.credentials();
  const tokens = store.get(apiUrl);
  if (!tokens) {
    context.note(`Not signed in to ${apiUrl}.`);
    return;
  }
  try {
    await revoke(cognitoClient(endpointOf(tokens)), tokens);
  } catch (error) {
    context.note(`note: the refresh token could not be revoked (${(error as Error).name}); the cached tokens are deleted anyway.`);
  }
  store.delete(apiUrl);
  context.note(`Signed out of ${apiUrl}.`);
}
