import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminInitiateAuthCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createTestUser, localStack } from '#test/support/local-stack.ts';

/**
 * The local Cognito signs in only whom Cognito would, and refuses the others
 * with Cognito's answer: HTTP 400, the same exception, the same message.
 */

const cognito = () =>
  new CognitoIdentityProviderClient({
    endpoint: localStack().cognito.endpoint,
    region: localStack().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const passwordSignIn = (email: string, password: string) =>
  cognito().send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: localStack().cognito.client_id, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );

const adminPasswordSignIn = (email: string, password: string) =>
  cognito().send(
    new AdminInitiateAuthCommand({
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      UserPoolId: localStack().cognito.user_pool_id,
      ClientId: localStack().cognito.client_id,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );

/** What Cognito answered, when it refused. */
async function refusal(call: Promise<unknown>): Promise<{ status: number | undefined; name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { status: e.$metadata?.httpStatusCode, name: e.name, message: e.message };
  }
  throw new Error('the call was not refused');
}

/** A user invited by an administrator: FORCE_CHANGE_PASSWORD, with a temporary password. */
async function invitedUser(): Promise<{ email: string; temporaryPassword: string }> {
  const email = `invited-${randomUUID().slice(0, 8)}@example.com`;
  const temporaryPassword = `Tmp-${randomUUID().slice(0, 8)}-Aa1!`;
  await cognito().send(
    new AdminCreateUserCommand({
      UserPoolId: localStack().cognito.user_pool_id,
      Username: email,
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  return { email, temporaryPassword };
}

describe('the local Cognito, signing in', () => {
  it('refuses a disabled user as Cognito does, through InitiateAuth and AdminInitiateAuth, and signs them in again once enabled', async () => {
    const user = await createTestUser();
    await cognito().send(new AdminDisableUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: user.userId }));

    const disabled = { status: 400, name: 'NotAuthorizedException', message: 'User is disabled.' };
    expect(await refusal(passwordSignIn(user.email, user.password))).toEqual(disabled);
    expect(await refusal(adminPasswordSignIn(user.email, user.password))).toEqual(disabled);

    await cognito().send(new AdminEnableUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: user.userId }));
    expect((await passwordSignIn(user.email, user.password)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('does not tell a disabled user from others to someone without the password', async () => {
    const user = await createTestUser();
    await cognito().send(new AdminDisableUserCommand({ UserPoolId: localStack().cognito.user_pool_id, Username: user.userId }));

    expect(await refusal(passwordSignIn(user.email, 'Not-the-password-1!'))).toEqual({
      status: 400,
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('gives a wrong password and an unknown user the same answer, as the platform app client does', async () => {
    const user = await createTestUser();
    const incorrect = { status: 400, name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

    expect(await refusal(passwordSignIn(user.email, 'Not-the-password-1!'))).toEqual(incorrect);
    expect(await refusal(passwordSignIn(`nobody-${randomUUID().slice(0, 8)}@example.com`, 'Any-password-1!'))).toEqual(incorrect);
  });
});

describe('the local Cognito, at an invited user\'s first sign-in', () => {
  it('asks for a new password only with the right temporary password', async () => {
    const { email, temporaryPassword } = await invitedUser();

    expect(await refusal(passwordSignIn(email, 'Wrong-temporary-1!'))).toEqual({
      status: 400,
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect((await passwordSignIn(email, temporaryPassword)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('sets the new password only with the session of that challenge, for that user', async () => {
    const first = await invitedUser();
    const other = await invitedUser();
    const challenge = await passwordSignIn(first.email, first.temporaryPassword);
    const respond = (session: string | undefined, username: string, newPassword: string) =>
      cognito().send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          ClientId: localStack().cognito.client_id,
          Session: session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
        }),
      );
    const invalidSession = { status: 400, name: 'NotAuthorizedException', message: 'Invalid session for the user.' };

    expect(await refusal(respond('made-up-session', first.email, 'A-good-new-password-1!'))).toEqual(invalidSession);
    expect(await refusal(respond(challenge.Session, other.email, 'A-good-new-password-1!'))).toEqual(invalidSession);
    expect((await passwordSignIn(other.email, other.temporaryPassword)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    const answered = await respond(challenge.Session, first.email, 'A-good-new-password-1!');
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    // A session serves once.
    expect(await refusal(respond(challenge.Session, first.email, 'Another-new-password-2!'))).toEqual(invalidSession);
    expect((await passwordSignIn(first.email, 'A-good-new-password-1!')).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it("refuses a new password the pool's policy does not allow, and keeps the challenge open", async () => {
    const { email, temporaryPassword } = await invitedUser();
    const challenge = await passwordSignIn(email, temporaryPassword);
    const respond = (newPassword: string) =>
      cognito().send(
        new RespondToAuthChallengeCommand({
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          ClientId: localStack().cognito.client_id,
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
        }),
      );

    expect(await refusal(respond('Short-1!'))).toEqual({
      status: 400,
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    expect(await refusal(respond('no-uppercase-here-1!'))).toMatchObject({ name: 'InvalidPasswordException', message: expect.stringContaining('uppercase') });
    expect((await respond('Long-enough-and-mixed-1!')).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});
