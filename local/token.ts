/**
 * `npm run token -- EMAIL PASSWORD [--new-password NEW] [--access]`: signs in
 * to the local stack's Cognito and prints a token for
 * `Authorization: Bearer <token>`. Messages go to stderr, the token alone to
 * stdout; exit code 0 with a token, 1 when sign-in fails, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
  type PasswordPolicyType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStackInfo } from './stack.ts';

const USAGE = `usage: npm run token -- EMAIL PASSWORD [--new-password NEW_PASSWORD] [--access]

Prints an ID token from the local stack's Cognito.
  --new-password NEW_PASSWORD  complete a first sign-in: PASSWORD is then the temporary
                               password from the invitation in .local/mail/
  --access                     print the access token instead of the ID token
The stack is the one described by $PORTICO_STACK_FILE (default .local/stack.json).`;

/** Why the sign-in did not give a token, in words that say what to do. */
class SignInFailure extends Error {}

interface Arguments {
  readonly email: string;
  readonly password: string;
  readonly newPassword?: string;
  readonly access: boolean;
}

function parseArguments(): Arguments {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'new-password': { type: 'string' }, access: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    const [email, password, ...extra] = positionals;
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (!email || !password || extra.length > 0) throw new Error('EMAIL and PASSWORD are required, and nothing else without a flag');
    const newPassword = values['new-password'];
    return { email, password, access: values.access, ...(newPassword !== undefined ? { newPassword } : {}) };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function readStack(file: string): LocalStackInfo {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SignInFailure(`No local stack found: ${file} does not exist. Start one with \`npm start\` (or set PORTICO_STACK_FILE to its stack.json).`);
  }
  try {
    const info = JSON.parse(text) as Partial<LocalStackInfo>;
    if (!info.cognito?.endpoint || !info.cognito.client_id || !info.cognito.user_pool_id) throw new Error('no cognito endpoint, pool or client');
    return info as LocalStackInfo;
  } catch (error) {
    throw new SignInFailure(`${file} does not describe a local stack (${(error as Error).message}): restart it with \`npm start\`.`);
  }
}

class LocalSignIn {
  private readonly cognito: CognitoIdentityProviderClient;

  constructor(
    private readonly info: LocalStackInfo,
    private readonly stackFile: string,
  ) {
    this.cognito = new CognitoIdentityProviderClient({
      endpoint: info.cognito.endpoint,
      region: info.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  }

  async tokens(args: Arguments): Promise<AuthenticationResultType> {
    const started = await this.call(
      () =>
        this.cognito.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: this.info.cognito.client_id,
            AuthParameters: { USERNAME: args.email, PASSWORD: args.password },
          }),
        ),
      args.email,
    );
    if (started.AuthenticationResult) {
      if (args.newPassword !== undefined) console.error(`note: ${args.email} already has a permanent password; --new-password was not used.`);
      return started.AuthenticationResult;
    }
    if (started.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
      throw new SignInFailure(`Sign-in needs a step this tool does not take: ${started.ChallengeName ?? 'an unknown challenge'}.`);
    }
    if (args.newPassword === undefined) {
      throw new SignInFailure(
        `${args.email} signs in for the first time and must choose a new password. Add --new-password:\n` +
          `  npm run token -- ${args.email} '${args.password}' --new-password '<new password>'\n` +
          (await this.policyText()),
      );
    }
    const newPassword = args.newPassword;
    const answered = await this.call(
      () =>
        this.cognito.send(
          new RespondToAuthChallengeCommand({
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            ClientId: this.info.cognito.client_id,
            Session: started.Session,
            ChallengeResponses: { USERNAME: started.ChallengeParameters?.USER_ID_FOR_SRP ?? args.email, NEW_PASSWORD: newPassword },
          }),
        ),
      args.email,
    );
    if (!answered.AuthenticationResult) throw new SignInFailure(`Sign-in needs a further step this tool does not take: ${answered.ChallengeName ?? 'unknown'}.`);
    return answered.AuthenticationResult;
  }

  /** Makes one call and turns Cognito's refusals into what to do about them. */
  private async call<T>(request: () => Promise<T>, email: string): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw await this.explain(error as Error & { code?: string }, email);
    }
  }

  private async explain(error: Error & { code?: string }, email: string): Promise<SignInFailure> {
    if (error.code === 'ECONNREFUSED' || error.name === 'TimeoutError') {
      return new SignInFailure(`The local stack is not running: nothing answers at ${this.info.cognito.endpoint} (from ${this.stackFile}). Start it with \`npm start\`.`);
    }
    if (error.name === 'NotAuthorizedException' && error.message === 'User is disabled.') {
      return new SignInFailure(`${email} is disabled and cannot sign in (a user removed from every customer is disabled; adding them to a customer again enables them).`);
    }
    if (error.name === 'InvalidPasswordException') {
      return new SignInFailure(`The new password was refused: ${error.message}.\n${await this.policyText()}`);
    }
    if (error.name === 'UserNotFoundException' || (error.name === 'NotAuthorizedException' && error.message === 'Incorrect username or password.')) {
      return this.unknownUserOrWrongPassword(email);
    }
    return new SignInFailure(`Sign-in failed: ${error.name}: ${error.message}`);
  }

  /** Cognito gives one answer for both, on purpose; the local stack can tell which. */
  private async unknownUserOrWrongPassword(email: string): Promise<SignInFailure> {
    try {
      const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: this.info.cognito.user_pool_id, Username: email }));
      if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
        return new SignInFailure(`Wrong password for ${email}. At first sign-in, use the temporary password from the invitation in ${this.info.mail_dir ?? 'the mail folder'}.`);
      }
      return new SignInFailure(`Wrong password for ${email}.`);
    } catch {
      return new SignInFailure(`No user ${email} in the local user pool. Users are invited with POST /customers/{customer_id}/users.`);
    }
  }

  private async policyText(): Promise<string> {
    try {
      const pool = await this.cognito.send(new DescribeUserPoolCommand({ UserPoolId: this.info.cognito.user_pool_id }));
      return describePolicy(pool.UserPool?.Policies?.PasswordPolicy);
    } catch {
      return '';
    }
  }
}

function describePolicy(policy: PasswordPolicyType | undefined): string {
  if (!policy) return '';
  const needs = [
    policy.RequireLowercase && 'a lowercase letter',
    policy.RequireUppercase && 'an uppercase letter',
    policy.RequireNumbers && 'a number',
    policy.RequireSymbols && 'a symbol',
  ].filter((need): need is string => typeof need === 'string');
  const last = needs.pop();
  const listed = needs.length > 0 ? `${needs.join(', ')} and ${last}` : last;
  return `Passwords need at least ${policy.MinimumLength ?? 8} characters${listed ? `, with ${listed}` : ''}.`;
}

// Node 20 is what many laptops still run; the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const args = parseArguments();
const stackFile = process.env.PORTICO_STACK_FILE ?? '.local/stack.json';
try {
  const tokens = await new LocalSignIn(readStack(stackFile), stackFile).tokens(args);
  const token = args.access ? tokens.AccessToken : tokens.IdToken;
  if (!token) throw new SignInFailure(`Cognito answered without ${args.access ? 'an access' : 'an ID'} token.`);
  console.log(token);
} catch (error) {
  console.error(error instanceof SignInFailure ? error.message : `Sign-in failed: ${(error as Error).message}`);
  process.exit(1);
}
