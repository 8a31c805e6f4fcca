import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
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
} from '@aws-sdk/client-cognito-identity-provider';
import { PLATFORM_ADMIN_GROUP, PLATFORM_SERVICE_GROUP } from '#shared/http/caller.ts';
import { waitFor } from '../ports.ts';

const require = createRequire(import.meta.url);
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

/**
 * Starts cognito-local as a child process whose state lives in `dataDir`.
 * `issuerDomain` is the address clients use (the proxy in front of it), so
 * the tokens it signs name the issuer clients verify against.
 */
export async function startCognito(port: number, dataDir: string, issuerDomain: string): Promise<CognitoEmulator> {
  mkdirSync(join(dataDir, '.cognito'), { recursive: true });
  writeFileSync(join(dataDir, '.cognito', 'config.json'), JSON.stringify({ TokenConfig: { IssuerDomain: issuerDomain } }));
  const entry = require.resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('cognito-local', async () => {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with ${child.exitCode}`);
    const response = await fetch(`${endpoint}/health`);
    if (!response.ok) throw new Error(`health ${response.status}`);
  });
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
  const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: CLIENT_NAME,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
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
