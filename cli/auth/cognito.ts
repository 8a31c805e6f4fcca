import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
  type ChallengeNameType,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CachedTokens } from '../config/credentials.ts';
import type { CognitoEndpoint } from '../config/endpoints.ts';
import { CliError } from '../output/errors.ts';

/** The one Cognito call the CLI makes, so a test can stand in for it where the emulator cannot. */
export interface CognitoLike {
  send: CognitoIdentityProviderClient['send'];
}

export function cognitoClient(where: CognitoEndpoint): CognitoLike {
  // InitiateAuth, RespondToAuthChallenge and RevokeToken are unsigned: no AWS credentials needed.
  return new CognitoIdentityProviderClient({
    region: where.region,
    ...(where.endpoint ? { endpoint: where.endpoint } : {}),
    maxAttempts: 2,
  });
}

/** Answers to the steps a sign-in may need; each is asked only when Cognito asks for it. */
export interface SignInSteps {
  readonly username: string;
  readonly password: string;
  /** NEW_PASSWORD_REQUIRED: the first sign-in with a temporary password. */
  newPassword(): Promise<string>;
  /** SOFTWARE_TOKEN_MFA: the code of the user's authenticator app. */
  totp(): Promise<string>;
}

const MAX_CHALLENGES = 5;

/** USER_PASSWORD_AUTH, then whatever challenges follow, until Cognito hands out tokens. */
export async function signIn(cognito: CognitoLike, where: CognitoEndpoint, steps: SignInSteps): Promise<CachedTokens> {
  let answer: Pick<InitiateAuthCommandOutput, 'AuthenticationResult' | 'ChallengeName' | 'ChallengeParameters' | 'Session'> = await call(where, () =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: where.clientId,
        AuthParameters: { USERNAME: steps.username, PASSWORD: steps.password },
      }),
    ),
  );
  for (let round = 0; !answer.AuthenticationResult && round < MAX_CHALLENGES; round += 1) {
    const challenge = answer.ChallengeName;
    const username = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? answer.ChallengeParameters?.USERNAME ?? steps.username;
    const responses = await challengeResponses(challenge, answer.ChallengeParameters ?? {}, steps);
    answer = await call(where, () =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ChallengeName: challenge,
          ClientId: where.clientId,
          Session: answer.Session,
          ChallengeResponses: { USERNAME: username, ...responses },
        }),
      ),
    );
  }
  if (!answer.AuthenticationResult) throw new CliError(`Sign-in needs a step portico does not take: ${answer.ChallengeName ?? 'unknown'}`);
  return tokensOf(steps.username, answer.AuthenticationResult, where);
}

async function challengeResponses(challenge: ChallengeNameType | undefined, parameters: Record<string, string>, steps: SignInSteps): Promise<Record<string, string>> {
  switch (challenge) {
    case 'NEW_PASSWORD_REQUIRED':
      return { NEW_PASSWORD: await steps.newPassword() };
    case 'SOFTWARE_TOKEN_MFA':
      return { SOFTWARE_TOKEN_MFA_CODE: await steps.totp() };
    case 'SELECT_MFA_TYPE': {
      const choices = parameters.MFAS_CAN_CHOOSE ?? '';
      if (!choices.includes('SOFTWARE_TOKEN_MFA')) throw new CliError(`Sign-in offers only ${choices || 'no'} MFA; portico takes authenticator (TOTP) codes`);
      return { ANSWER: 'SOFTWARE_TOKEN_MFA' };
    }
    default:
      throw new CliError(`Sign-in needs a step portico does not take: ${challenge ?? 'unknown'}`);
  }
}

/** REFRESH_TOKEN_AUTH: new ID and access tokens; the refresh token stays the same. */
export async function refresh(cognito: CognitoLike, tokens: CachedTokens): Promise<CachedTokens> {
  if (!tokens.refresh_token) throw new CliError('no refresh token was cached');
  const where = endpointOf(tokens);
  const answer = await call(where, () =>
    cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: tokens.client_id, AuthParameters: { REFRESH_TOKEN: tokens.refresh_token as string } }),
    ),
  );
  if (!answer.AuthenticationResult) throw new CliError(`Cognito asked for ${answer.ChallengeName ?? 'a step'} instead of refreshing`);
  const fresh = tokensOf(tokens.username, answer.AuthenticationResult, where);
  return { ...fresh, refresh_token: fresh.refresh_token ?? tokens.refresh_token };
}

/** RevokeToken: the refresh token (and the tokens issued from it) stop working. */
export async function revoke(cognito: CognitoLike, tokens: CachedTokens): Promise<void> {
  if (!tokens.refresh_token) return;
  await cognito.send(new RevokeTokenCommand({ ClientId: tokens.client_id, Token: tokens.refresh_token }));
}

export function endpointOf(tokens: CachedTokens): CognitoEndpoint {
  return { clientId: tokens.client_id, region: tokens.region, ...(tokens.cognito_endpoint ? { endpoint: tokens.cognito_endpoint } : {}) };
}

function tokensOf(username: string, result: AuthenticationResultType, where: CognitoEndpoint): CachedTokens {
  if (!result.IdToken || !result.AccessToken) throw new CliError('Cognito answered without an ID and an access token');
  const expiresAt = expiryOf(result.IdToken) ?? new Date(Date.now() + (result.ExpiresIn ?? 3600) * 1000);
  return {
    username,
    id_token: result.IdToken,
    access_token: result.AccessToken,
    ...(result.RefreshToken ? { refresh_token: result.RefreshToken } : {}),
    expires_at: expiresAt.toISOString(),
    client_id: where.clientId,
    region: where.region,
    ...(where.endpoint ? { cognito_endpoint: where.endpoint } : {}),
  };
}

/** The `exp` claim of a JWT (read, not verified: the API verifies it). */
export function expiryOf(jwt: string): Date | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** One Cognito call, its refusals in words that say what to do. */
async function call<T>(where: CognitoEndpoint, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(explain(error as Error & { code?: string }, where));
  }
}

function explain(error: Error & { code?: string }, where: CognitoEndpoint): string {
  if (error.code === 'ECONNREFUSED' || error.name === 'TimeoutError') {
    return `Cannot reach Cognito at ${where.endpoint ?? `cognito-idp.${where.region}`}: is the stack running?`;
  }
  switch (error.name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return `Sign-in refused: ${error.message}`;
    case 'CodeMismatchException':
      return 'The authenticator code was refused: use the current code of the app (codes change every 30 s)';
    case 'InvalidPasswordException':
      return `The new password was refused: ${error.message}`;
    case 'PasswordResetRequiredException':
      return 'Cognito requires a password reset for this user before signing in';
    case 'ResourceNotFoundException':
      return `Cognito does not know the client id ${where.clientId}: pass --client-id (the UserPoolClientId output) or set PORTICO_CLIENT_ID`;
    default:
      return `Sign-in failed: ${error.name}: ${error.message}`;
  }
}
