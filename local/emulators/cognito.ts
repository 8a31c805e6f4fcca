import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PLATFORM_ADMIN_GROUP, PLATFORM_SERVICE_GROUP } from '#shared/identity/groups.ts';
import { StopWaiting, waitFor } from '../ports.ts';

const POOL_NAME = 'portico-local';
const CLIENT_NAME = 'portico-local-web';

export interface CognitoEmulator {
  readonly endpoint: string;
  readonly process: ChildProcess;
}

export interface LocalUserPool {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly issuer: string;
}

export interface CognitoOptions {
  readonly port: number;
  /** Where cognito-local keeps its state (its working directory). */
  readonly dataDir: string;
  /**
   * The address clients use (the proxy in front of it), so the tokens it
   * signs name the issuer clients verify against.
   */
  readonly issuerDomain: string;
  /** Where the messages Cognito sends to users are delivered, one file each. */
  readonly mailDir: string;
}

const LAUNCHER = fileURLToPath(new URL('./cognito-launcher.ts', import.meta.url));

/**
 * Starts cognito-local, through our launcher (cognito-launcher.ts), as a
 * child process. If it does not become ready, it is stopped before this
 * rejects, with what it wrote to stderr.
 */
export async function startCognito(options: CognitoOptions): Promise<CognitoEmulator> {
  mkdirSync(join(options.dataDir, '.cognito'), { recursive: true });
  writeFileSync(join(options.dataDir, '.cognito', 'config.json'), JSON.stringify({ TokenConfig: { IssuerDomain: options.issuerDomain } }));
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), LAUNCHER, options.dataDir], {
    cwd: options.dataDir,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PORTICO_MAIL_DIR: options.mailDir,
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    // stdin stays open: the launcher exits when it closes, that is when this process ends.
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor('cognito-local', async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new StopWaiting(`cognito-local exited with ${child.signalCode ?? child.exitCode}`);
      const response = await fetch(`${endpoint}/health`);
      if (!response.ok) throw new Error(`health ${response.status}`);
    });
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    throw new Error(`${(error as Error).message}${stderr.trim() ? `\n${stderr.trim()}` : ''}`, { cause: error });
  }
  return { endpoint, process: child };
}

export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/**
 * The pool, app client and groups the platform stack declares, created once
 * and found again on later starts.
 */
export async function ensureUserPool(endpoint: string): Promise<LocalUserPool> {
  const cognito = localCognitoClient(endpoint);
  const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: {
          PasswordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true },
        },
        Schema: [{ Name: 'customer_id', AttributeDataType: 'String', Mutable: true }],
      }),
    );
    userPoolId = created.UserPool?.Id;
  }
  // As the platform stack's pool (lib/constructs/identity.ts, MFA OPTIONAL by default): a user who
  // turns on an authenticator app is asked for its code (SOFTWARE_TOKEN_MFA). Set on every start, so
  // a pool kept from an earlier run gets it too.
  await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: CLIENT_NAME,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        // As the platform stack's client: an unknown user and a wrong password get the same answer.
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        IdTokenValidity: 1,
        AccessTokenValidity: 1,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { IdToken: 'hours', AccessToken: 'hours', RefreshToken: 'days' },
        WriteAttributes: ['email', 'name'],
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
  }
  if (!userPoolId || !clientId) throw new Error('cognito-local did not return the user pool or its client');
  const groups = new Set((await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId }))).Groups?.map((g) => g.GroupName));
  for (const group of [PLATFORM_ADMIN_GROUP, PLATFORM_SERVICE_GROUP]) {
    if (!groups.has(group)) await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  return { userPoolId, clientId, issuer: `${endpoint}/${userPoolId}` };
}

/** Creates a confirmed user with a permanent password (idempotent), optionally in groups. */
export async function ensureUser(
  endpoint: string,
  userPoolId: string,
  user: { email: string; password: string; groups?: readonly string[]; customerId?: string },
): Promise<string> {
  const cognito = localCognitoClient(endpoint);
  const email = user.email.toLowerCase();
  let sub: string | undefined;
  try {
    const existing = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    sub = existing.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  } catch {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          ...(user.customerId ? [{ Name: 'custom:customer_id', Value: user.customerId }] : []),
        ],
      }),
    );
    sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  }
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: user.password, Permanent: true }));
  for (const group of user.groups ?? []) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }));
  }
  if (!sub) throw new Error(`cognito-local returned no sub for ${email}`);
  return sub;
}
