import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '../clients/cognito.ts';
import { ENV } from '../config/env-vars.ts';
import { requireEnv } from '../config/runtime.ts';

/**
 * The Cognito user pool as a directory of users. Users sign in with their
 * email; their Cognito username is their `sub`, which Portico uses as user id.
 */
const userPoolId = requireEnv(ENV.userPoolId);
export const DEFAULT_CUSTOMER_ATTRIBUTE = 'custom:customer_id';

export interface DirectoryUser {
  readonly userId: string;
  readonly email: string;
  readonly enabled: boolean;
  /** `custom:customer_id`, the default customer tokens carry. */
  readonly defaultCustomerId?: string;
}

const attribute = (attributes: AttributeType[] | undefined, name: string) => attributes?.find((a) => a.Name === name)?.Value;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user signing in with this email (or with this user id), if there is one. */
export async function findUser(emailOrUserId: string): Promise<DirectoryUser | undefined> {
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: emailOrUserId }));
    const defaultCustomerId = attribute(user.UserAttributes, DEFAULT_CUSTOMER_ATTRIBUTE);
    return {
      userId: attribute(user.UserAttributes, 'sub') ?? user.Username ?? '',
      email: attribute(user.UserAttributes, 'email') ?? '',
      enabled: user.Enabled !== false,
      ...(defaultCustomerId ? { defaultCustomerId } : {}),
    };
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') return undefined;
    throw error;
  }
}

/**
 * Creates the user and lets Cognito email the invitation with a temporary
 * password. Portico never sees, stores or returns that password.
 */
export async function inviteUser(email: string, defaultCustomerId: string): Promise<DirectoryUser> {
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: DEFAULT_CUSTOMER_ATTRIBUTE, Value: defaultCustomerId },
      ],
    }),
  );
  return { userId: attribute(created.User?.Attributes, 'sub') ?? created.User?.Username ?? '', email, enabled: true };
}

/**
 * Invites the email, or finds its account when another request created it
 * meanwhile (two admins adding the same new address at once): one account, and
 * the caller cannot tell which request made it.
 */
export async function createOrFindUser(email: string, defaultCustomerId: string): Promise<{ user: DirectoryUser; created: boolean }> {
  try {
    return { user: await inviteUser(email, defaultCustomerId), created: true };
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw error;
    const user = await findUser(email);
    if (!user) throw error;
    return { user, created: false };
  }
}

export async function enableUser(userId: string): Promise<void> {
  await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: userId }));
}

/** Blocks sign-in and revokes the user's refresh tokens everywhere. */
export async function disableAndSignOut(userId: string): Promise<void> {
  await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: userId }));
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: userId }));
}

/** Keeps the token's `custom:customer_id` in step with the default membership (null clears it). */
export async function setDefaultCustomerAttribute(userId: string, customerId: string | null): Promise<void> {
  if (customerId === null) {
    await cognito.send(
      new AdminDeleteUserAttributesCommand({ UserPoolId: userPoolId, Username: userId, UserAttributeNames: [DEFAULT_CUSTOMER_ATTRIBUTE] }),
    );
    return;
  }
  await cognito.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: userPoolId,
      Username: userId,
      UserAttributes: [{ Name: DEFAULT_CUSTOMER_ATTRIBUTE, Value: customerId }],
    }),
  );
}
